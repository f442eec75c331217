using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WebUI.DockerApi.Hosting;

/// <summary>Sets the socket's mode once Kestrel has bound it (root-only, like docker.sock, unless configured).</summary>
internal sealed class SocketPermissionsService(IConfiguration configuration, IOptions<DockerApiOptions> options, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
            SocketListener.ApplyMode(DockerApiHostingExtensions.SocketPath(configuration), options.Value.SocketMode));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
