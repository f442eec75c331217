using WebUI.Audit;
using WebUI.Engine.Errors;

namespace WebUI.Identity;

/// <summary>
/// Wraps every change the dashboard makes to the engine: demand the policy from the current user (deny by default),
/// run the change as that user's caller (the engine's choke point checks it), and audit who did what to which resource with the result, including refusals and failures.
/// </summary>
public sealed class ChangeGuard(IUserAccess access, IAuditLog audit)
{
    public async Task<T> RunAsync<T>(string policy, string action, string? resource, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        var user = await DemandAsync(policy, action, resource, cancellationToken);
        // The engine's choke point and team filters see this user (role and teams as stored now).
        using var caller = WebUI.Engine.Security.Admission.CallerContext.Enter(await access.CallerAsync(cancellationToken));
        try
        {
            var result = await change();
            await audit.RecordAsync(new AuditRecord(user, action, resource, AuditResults.Success, FrontDoors.Dashboard, null), cancellationToken);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await audit.RecordAsync(new AuditRecord(user, action, resource, AuditResults.Failure, FrontDoors.Dashboard, null, e.Message), CancellationToken.None);
            throw;
        }
    }

    public Task RunAsync(string policy, string action, string? resource, Func<Task> change, CancellationToken cancellationToken) =>
        RunAsync(policy, action, resource, async () =>
        {
            await change();
            return true;
        }, cancellationToken);

    /// <summary>For changes that stream (a load, a bulk action): demands the policy and records a refusal; the caller audits the outcome.</summary>
    public async Task<string> DemandAsync(string policy, string action, string? resource, CancellationToken cancellationToken)
    {
        try
        {
            return await access.DemandAsync(policy, cancellationToken);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.Forbidden)
        {
            await audit.RecordAsync(new AuditRecord("", action, resource, AuditResults.Denied, FrontDoors.Dashboard, null, e.Message), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Records the outcome of a change whose policy was demanded with <see cref="DemandAsync"/>.</summary>
    public Task RecordAsync(string user, string action, string? resource, string? error, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(user, action, resource, error is null ? AuditResults.Success : AuditResults.Failure, FrontDoors.Dashboard, null, error), cancellationToken);
}
