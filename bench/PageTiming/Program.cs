using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// Usage: PageTiming BASE_URL USER PASSWORD PATH ROW_SELECTOR RUNS
// Signs in once, then opens PATH RUNS times in fresh pages of that session and prints, per run (milliseconds):
//   first_render  navigation start → the first table row is in the DOM
//   interactive   navigation start → the Blazor circuit is up and rows are shown
//   sort          a click on a sort header → the table re-rendered in the other order (a server round trip)
//   ttfb, html    the browser's navigation timing: first byte of the prerendered HTML, its last byte (where the
//                 first render's time goes: the server's prerender or the browser)
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: PageTiming BASE_URL USER PASSWORD PATH ROW_SELECTOR RUNS");
    return 2;
}
var (baseUrl, user, password, path, rowSelector, runs) = (args[0], args[1], args[2], args[3], args[4], int.Parse(args[5], CultureInfo.InvariantCulture));

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
context.SetDefaultTimeout(60_000);

var login = await context.NewPageAsync();
await login.GotoAsync($"{baseUrl}/account/login?ReturnUrl={Uri.EscapeDataString("/")}");
await login.Locator("#username").FillAsync(user);
await login.Locator("#password").FillAsync(password);
await login.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await login.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
await login.CloseAsync();

Console.WriteLine("run first_render_ms interactive_ms sort_ms rows ttfb_ms html_ms");
for (var i = 0; i < runs; i++)
{
    var page = await context.NewPageAsync();
    var sw = Stopwatch.StartNew();
    var navigation = page.GotoAsync(baseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await page.Locator(rowSelector).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    var firstRender = sw.Elapsed.TotalMilliseconds;
    await page.Locator("html[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    await page.Locator(rowSelector).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    var interactive = sw.Elapsed.TotalMilliseconds;
    await navigation;
    var rows = await page.Locator(rowSelector).CountAsync();
    var timing = await page.EvaluateAsync<double[]>("() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseStart, n.responseEnd]; }");

    var first = await page.Locator(rowSelector).First.TextContentAsync();
    var sort = Stopwatch.StartNew();
    await page.GetByText("Name", new() { Exact = true }).First.ClickAsync();
    await page.WaitForFunctionAsync("([sel, before]) => { const r = document.querySelector(sel); return r && r.textContent !== before; }", new object?[] { rowSelector, first });
    var sortMs = sort.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1} {firstRender:F0} {interactive:F0} {sortMs:F0} {rows} {timing[0]:F0} {timing[1]:F0}"));
    await page.CloseAsync();
}
return 0;
