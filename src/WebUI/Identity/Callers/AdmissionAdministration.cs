using WebUI.Audit;
using WebUI.Engine.Errors;
using WebUI.Engine.Security.Admission;

namespace WebUI.Identity.Callers;

/// <summary>The Admin security settings (what non-Admins may give a container): read, and change (Admin only, audited).</summary>
public sealed class AdmissionAdministration(IUserAccess access, IAdmissionSettingsStore store, IAuditLog audit)
{
    public async Task<AdmissionSettings> GetAsync(CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Admin, cancellationToken);
        return store.Current;
    }

    public async Task SaveAsync(AdmissionSettings settings, CancellationToken cancellationToken)
    {
        string actor;
        try
        {
            actor = await access.DemandAsync(Policies.Admin, cancellationToken);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.Forbidden)
        {
            await audit.RecordAsync(new AuditRecord("", AuditActions.SettingsChange, "admission", AuditResults.Denied, FrontDoors.Dashboard, null, e.Message), cancellationToken);
            throw;
        }
        var before = store.Current;
        await store.SaveAsync(settings, cancellationToken);
        await audit.RecordAsync(new AuditRecord(actor, AuditActions.SettingsChange, "admission", AuditResults.Success, FrontDoors.Dashboard, null,
            $"{before} -> {settings}"), cancellationToken);
    }
}
