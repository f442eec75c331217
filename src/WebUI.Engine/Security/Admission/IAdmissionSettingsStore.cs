namespace WebUI.Engine.Security.Admission;

/// <summary>The persisted <see cref="AdmissionSettings"/> (&lt;DataRoot&gt;/admission.json), read on every check.</summary>
public interface IAdmissionSettingsStore
{
    AdmissionSettings Current { get; }

    /// <summary>Writes the settings atomically; they apply to the next request.</summary>
    Task SaveAsync(AdmissionSettings settings, CancellationToken cancellationToken);
}
