namespace WebUI.Audit;

/// <summary>
/// Drains the audit log's queue when the host stops: hosted services stop after the web server (which starts after
/// them), so no request can queue an entry any more, and the writer still has its database (disposing the services
/// comes later and is too late for EF Core).
/// </summary>
internal sealed class AuditLogDrain(AuditLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => log.DrainAsync(cancellationToken);
}
