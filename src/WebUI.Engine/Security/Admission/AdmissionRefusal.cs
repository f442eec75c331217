using WebUI.Engine.Errors;

namespace WebUI.Engine.Security.Admission;

/// <summary>Collects what a request asks for that the caller may not have, and throws one Forbidden naming all of it.</summary>
internal sealed class AdmissionRefusal(Caller caller, string what)
{
    private readonly List<string> _problems = [];

    public void Add(bool allowedBySetting, string problem, string setting)
    {
        if (!allowedBySetting) _problems.Add($"{problem} (needs an Admin, or the Admin setting \"{setting}\")");
    }

    public void ThrowIfAny()
    {
        if (_problems.Count == 0) return;
        throw new EngineException(ErrorKind.Forbidden,
            $"{what} refused for {caller.Name} ({caller.Role}): {string.Join("; ", _problems)}");
    }
}
