namespace WebUI.DockerApi.Hosting;

/// <summary>
/// The body of an upgrade request that also carried one (docker exec -it's POST /exec/{id}/start), taken off the
/// connection by <see cref="UpgradeBodyConnectionMiddleware"/> so that Kestrel sees an upgradable request.
/// </summary>
public sealed class HijackRequestBodyFeature(byte[] body)
{
    public ReadOnlyMemory<byte> Body { get; } = body;
}
