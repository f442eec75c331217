using Microsoft.Playwright;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.E2E.Fixtures;

/// <summary>A live server with busybox imported, and Debian's Chromium driven headless by Playwright (no browser download).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly Dictionary<IPage, List<string>> _consoleErrors = [];
    private readonly HashSet<IPage> _networkChanged = [];

    public const string AdminPassword = "e2e-admin-password";

    public WebUIServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: tests/WebUI.E2E/TestResults/screenshots.</summary>
    public static string ScreenshotDir { get; } =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public async Task InitializeAsync()
    {
        // Every page but sign-in needs a login: the admin comes from the bootstrap password.
        Server = await WebUIServer.StartAsync(s =>
        {
            s.Settings["Auth__BootstrapAdminPassword"] = AdminPassword;
            // The dashboard pulls from the server's own registry without credentials: an Admin setting allows that
            // (seeded as the settings file an Admin's save writes).
            Directory.CreateDirectory(s.DataRoot);
            File.WriteAllText(Path.Combine(s.DataRoot, "admission.json"), "{\"AllowAnonymousRegistryPull\": true}");
        });
        // docker push to the built-in registry signs in as the admin (the registry takes WebUI accounts).
        await WebUI.DockerApi.Tests.Fixtures.RegistryLogin.WriteAsync(Server, "admin", AdminPassword);
        await Server.ImportBusyboxAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    /// <summary>A fresh page (own context), signed in (as the admin unless told), with the dashboard at <paramref name="path"/> loaded and its circuit connected.</summary>
    public async Task<IPage> OpenAsync(string path, string userName = "admin", string password = AdminPassword)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(Server.WebBase, "/account/login?ReturnUrl=" + Uri.EscapeDataString(path)).ToString());
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
        // Blazor Server: the prerendered page is inert until the circuit is up; the layout marks <html> then.
        var ready = page.Locator("html[data-circuit=ready]");
        try
        {
            await ready.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        }
        catch (TimeoutException) when (SawNetworkChange(page))
        {
            // Chromium aborted the circuit's connection because the host's addresses changed (the engine under test makes
            // and deletes bridges and veths), and Blazor does not retry a circuit that never started: load the page again,
            // as a user would. Only then, and only the failed load's own errors are forgotten; the page must still come up.
            List<string> failedLoad;
            lock (_consoleErrors) failedLoad = _consoleErrors[page];
            lock (failedLoad) failedLoad.Clear();
            lock (_networkChanged) _networkChanged.Remove(page);
            await page.ReloadAsync();
            await ready.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
        return page;
    }

    /// <summary>A fresh page in its own context (no session), watched for console errors and failed requests.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        lock (_consoleErrors) _consoleErrors[page] = errors;
        // Not counted: net::ERR_NETWORK_CHANGED, Chromium failing its requests in flight when the host's addresses change,
        // which the engine under test does (and other tests' servers) each time it makes a bridge or a veth. The page's
        // own outcome is still asserted by every test; any other console error, page error or failed response fails it.
        page.Console += (_, m) =>
        {
            if (m.Type != "error") return;
            if (m.Text.Contains("net::ERR_NETWORK_CHANGED", StringComparison.Ordinal)) NetworkChanged(page);
            else lock (errors) errors.Add(m.Text);
        };
        page.RequestFailed += (_, r) => { if (r.Failure?.Contains("net::ERR_NETWORK_CHANGED", StringComparison.Ordinal) == true) NetworkChanged(page); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (errors) errors.Add($"{r.Status} {r.Url}"); };
        return page;
    }

    /// <summary>Closes the page's context, failing the test if the browser logged an error (a broken circuit shows up there).</summary>
    public async Task CloseAsync(IPage page)
    {
        List<string> errors;
        lock (_consoleErrors) { errors = _consoleErrors[page]; _consoleErrors.Remove(page); }
        lock (_networkChanged) _networkChanged.Remove(page);
        await page.Context.CloseAsync();
        lock (errors) Assert.True(errors.Count == 0, "browser console errors:\n" + string.Join("\n", errors) + "\nserver log:\n" + Server.Log);
    }

    private void NetworkChanged(IPage page)
    {
        lock (_networkChanged) _networkChanged.Add(page);
    }

    private bool SawNetworkChange(IPage page)
    {
        lock (_networkChanged) return _networkChanged.Contains(page);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
