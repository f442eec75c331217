using System.Net;
using System.Text.RegularExpressions;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>A browser-like client of the web port: its own cookie jar, no automatic redirects, forms posted with their hidden fields (antiforgery token, handler).</summary>
public sealed partial class WebSession : IDisposable
{
    public const string AdminPassword = "admin-password-for-tests";

    private readonly HttpClient _http;

    public WebSession(WebUIServer server)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = server.WebBase, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Loads the page at <paramref name="path"/>, fills the form named <paramref name="formName"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await _http.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"GET {path}: {(int)page.StatusCode}\n{html}");
        var form = FormRegex().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains($"value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no form {formName} on {path}:\n{html}");
        var values = HiddenRegex().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (k, v) in fields) values[k] = v;
        return await _http.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the login page; returns the response to the form post (302 on success).</summary>
    public Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Signs in and fails the test unless it worked.</summary>
    public async Task<WebSession> SignedInAsync(string userName, string password)
    {
        var r = await LoginAsync(userName, password);
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"login of {userName} answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return this;
    }

    /// <summary>As an Admin: creates a user through the Admin users page.</summary>
    public async Task CreateUserAsync(string userName, string password, string role)
    {
        var r = await SubmitAsync("/admin/users", "user-create", new Dictionary<string, string>
        {
            ["Create.UserName"] = userName, ["Create.Password"] = password, ["Create.Role"] = role,
        });
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode && html.Contains($"Created {userName}", StringComparison.Ordinal), $"create {userName}: {(int)r.StatusCode}\n{html}");
    }

    /// <summary>As an Admin: one action of the manage-a-user form ("role", "reset", "disable", "enable").</summary>
    public Task<HttpResponseMessage> ManageUserAsync(string userName, string action, string role = "Viewer", string newPassword = "") =>
        SubmitAsync("/admin/users", "user-manage", new Dictionary<string, string>
        {
            ["Manage.UserName"] = userName, ["Manage.Action"] = action, ["Manage.Role"] = role, ["Manage.NewPassword"] = newPassword,
        });

    public static async Task<WebUIServer> StartServerAsync(Action<WebUIServer>? configure = null) =>
        await WebUIServer.StartAsync(s =>
        {
            s.Settings["Auth__BootstrapAdminPassword"] = AdminPassword;
            configure?.Invoke(s);
        });

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"<form\b[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"<input\b(?=[^>]*type=""hidden"")(?=[^>]*name=""(?<name>[^""]*)"")(?=[^>]*value=""(?<value>[^""]*)"")[^>]*>")]
    private static partial Regex HiddenRegex();
}
