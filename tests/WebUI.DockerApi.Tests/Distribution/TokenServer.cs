using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>
/// A small Docker token server for the distribution registry's "token" auth: GET /token?service=&amp;scope= with Basic
/// credentials answers an RS256 JWT (x5c header) granting the requested repository actions to the one known user.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    public const string Issuer = "webui-test-issuer";
    public const string Service = "webui-test-registry";
    private readonly HttpListener _listener = new();
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly string _user;
    private readonly string _password;
    private readonly Task _loop;
    private int _issued;

    public TokenServer(string user, string password)
    {
        _user = user;
        _password = password;
        var request = new CertificateRequest("CN=webui-test-token", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Realm => $"http://127.0.0.1:{Port}/token";
    /// <summary>Tokens handed out so far (a test can check the Bearer flow really ran).</summary>
    public int Issued => _issued;

    /// <summary>The certificate bundle the registry verifies tokens with.</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { await AnswerAsync(context); }
            catch (Exception e) when (e is HttpListenerException or IOException) { }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var authorized = false;
        var header = context.Request.Headers["Authorization"];
        if (header is not null && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
            if (pair == $"{_user}:{_password}") authorized = true;
            else
            {
                context.Response.StatusCode = 401;
                context.Response.Close();
                return;
            }
        }
        var access = new List<object>();
        var scope = context.Request.QueryString["scope"];
        if (authorized && scope is not null)
        {
            foreach (var s in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = s.Split(':');
                if (parts.Length == 3) access.Add(new { type = parts[0], name = parts[1], actions = parts[2].Split(',') });
            }
        }
        var token = Sign(context.Request.QueryString["service"] ?? Service, authorized ? _user : "", access);
        Interlocked.Increment(ref _issued);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { token, access_token = token, expires_in = 300 });
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private string Sign(string audience, string subject, List<object> access)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT", ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) } };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["sub"] = subject, ["aud"] = audience, ["exp"] = now + 300, ["nbf"] = now - 30, ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"), ["access"] = access,
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
        _key.Dispose();
        _certificate.Dispose();
    }
}
