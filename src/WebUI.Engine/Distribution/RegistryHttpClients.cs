using System.Net;
using System.Net.Security;

namespace WebUI.Engine.Distribution;

/// <summary>
/// The two HTTP clients of the distribution client: verified TLS, and unverified TLS for insecure registries. Neither
/// follows redirects by itself (<see cref="RegistryClient"/> does, dropping credentials on a change of host) nor
/// decompresses (layers are hashed exactly as sent).
/// </summary>
internal sealed class RegistryHttpClients : IDisposable
{
    public RegistryHttpClients()
    {
        Secure = new HttpClient(Handler(verify: true), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Insecure = new HttpClient(Handler(verify: false), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Secure { get; }

    public HttpClient Insecure { get; }

    public HttpClient For(bool insecure) => insecure ? Insecure : Secure;

    private static SocketsHttpHandler Handler(bool verify)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            MaxConnectionsPerServer = 16,
            UseCookies = false,
        };
        if (!verify) handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        return handler;
    }

    public void Dispose()
    {
        Secure.Dispose();
        Insecure.Dispose();
    }
}
