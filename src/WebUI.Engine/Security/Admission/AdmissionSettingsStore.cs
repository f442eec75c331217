using Microsoft.Extensions.Options;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Security.Admission;

/// <summary>Keeps the settings in memory and in &lt;DataRoot&gt;/admission.json (written atomically; a missing file means all off).</summary>
internal sealed class AdmissionSettingsStore : IAdmissionSettingsStore
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AdmissionSettings _current;

    public AdmissionSettingsStore(IOptions<EngineOptions> options)
    {
        _path = Path.Combine(options.Value.DataRoot, "admission.json");
        _current = AtomicFile.ReadJson<AdmissionSettings>(_path) ?? new AdmissionSettings();
    }

    /// <summary>A copy: a caller (the settings form binds to it) cannot change what the checks read.</summary>
    public AdmissionSettings Current => Volatile.Read(ref _current) with { };

    public async Task SaveAsync(AdmissionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var copy = settings with { };
            AtomicFile.WriteJson(_path, copy);
            Volatile.Write(ref _current, copy);
        }
        finally
        {
            _gate.Release();
        }
    }
}
