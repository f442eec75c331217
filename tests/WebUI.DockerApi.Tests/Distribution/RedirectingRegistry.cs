using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>
/// A minimal registry that requires Basic auth and answers blob requests with a redirect to a second, "storage"
/// listener on another port (another origin), which records the Authorization headers it receives, as a CDN would see them.
/// Serves one image from an OCI layout directory.
/// </summary>
public sealed class RedirectingRegistry : IAsyncDisposable
{
    private readonly HttpListener _registry = new();
    private readonly HttpListener _storage = new();
    private readonly string _layout;
    private readonly string _repository;
    private readonly string _tag;
    private readonly byte[] _manifest;
    private readonly string _credentials;
    private readonly Task _a;
    private readonly Task _b;

    public RedirectingRegistry(string layout, string repository, string tag, byte[] manifest, string user, string password)
    {
        _layout = layout;
        _repository = repository;
        _tag = tag;
        _manifest = manifest;
        _credentials = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        Port = FreePort();
        StoragePort = FreePort();
        _registry.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _storage.Prefixes.Add($"http://127.0.0.1:{StoragePort}/");
        _registry.Start();
        _storage.Start();
        _a = Task.Run(() => ServeAsync(_registry, AnswerRegistryAsync));
        _b = Task.Run(() => ServeAsync(_storage, AnswerStorageAsync));
    }

    public int Port { get; }
    public int StoragePort { get; }
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Authorization headers the storage listener received (should stay empty).</summary>
    public List<string> StorageAuthorizations { get; } = [];

    /// <summary>Blob requests the storage listener served.</summary>
    public int StorageRequests { get; private set; }

    private static async Task ServeAsync(HttpListener listener, Func<HttpListenerContext, Task> answer)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { await answer(context); }
            catch (Exception e) when (e is HttpListenerException or IOException) { }
        }
    }

    private async Task AnswerRegistryAsync(HttpListenerContext c)
    {
        var path = c.Request.Url!.AbsolutePath;
        if (c.Request.Headers["Authorization"] != _credentials)
        {
            c.Response.StatusCode = 401;
            c.Response.AddHeader("WWW-Authenticate", "Basic realm=\"redirecting\"");
            c.Response.Close();
            return;
        }
        if (path == "/v2/")
        {
            c.Response.StatusCode = 200;
            c.Response.Close();
            return;
        }
        if (path == $"/v2/{_repository}/manifests/{_tag}")
        {
            c.Response.ContentType = "application/vnd.oci.image.manifest.v1+json";
            c.Response.AddHeader("Docker-Content-Digest", OciLayout.Sha256(_manifest));
            await c.Response.OutputStream.WriteAsync(_manifest);
            c.Response.Close();
            return;
        }
        var prefix = $"/v2/{_repository}/blobs/";
        if (path.StartsWith(prefix, StringComparison.Ordinal))
        {
            c.Response.StatusCode = 307;
            c.Response.RedirectLocation = $"http://127.0.0.1:{StoragePort}/storage/{path[prefix.Length..]}";
            c.Response.Close();
            return;
        }
        c.Response.StatusCode = 404;
        c.Response.Close();
    }

    private async Task AnswerStorageAsync(HttpListenerContext c)
    {
        lock (StorageAuthorizations)
        {
            StorageRequests++;
            if (c.Request.Headers["Authorization"] is { } auth) StorageAuthorizations.Add(auth);
        }
        var digest = c.Request.Url!.AbsolutePath["/storage/".Length..];
        var file = Path.Combine(_layout, "blobs", "sha256", digest.Replace("sha256:", ""));
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || !File.Exists(file))
        {
            c.Response.StatusCode = 404;
            c.Response.Close();
            return;
        }
        var bytes = await File.ReadAllBytesAsync(file);
        c.Response.ContentType = "application/octet-stream";
        c.Response.ContentLength64 = bytes.Length;
        await c.Response.OutputStream.WriteAsync(bytes);
        c.Response.Close();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _registry.Stop();
        _storage.Stop();
        _registry.Close();
        _storage.Close();
        await Task.WhenAll(_a, _b);
    }
}
