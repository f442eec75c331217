using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>
/// A parsed HostConfig.Binds entry: "/host:/ctr[:opts]" (a bind) or "name:/ctr[:opts]" (a named volume), opts being
/// a comma list of ro|rw, z|Z, a propagation mode and nocopy.
/// </summary>
internal sealed record BindSpec(string Source, string Target, bool ReadOnly, string Mode, string Propagation, bool NoCopy)
{
    public bool IsBind => Source.StartsWith('/');

    public static readonly HashSet<string> Propagations = ["private", "rprivate", "shared", "rshared", "slave", "rslave"];

    public static BindSpec Parse(string bind)
    {
        var parts = bind.Split(':');
        if (parts.Length is < 2 or > 3) throw EngineException.Invalid($"invalid volume specification: '{bind}'");
        var (source, target) = (parts[0], parts[1]);
        if (source.Length == 0) throw EngineException.Invalid($"invalid volume specification: '{bind}'");
        if (!target.StartsWith('/')) throw EngineException.Invalid($"invalid volume specification: '{bind}': invalid mount config for type \"bind\": invalid mount path: '{target}' mount path must be absolute");
        if (Path.TrimEndingDirectorySeparator(target) == "/" || target == "/") throw EngineException.Invalid($"invalid volume specification: '{bind}': invalid mount config: destination can't be '/'");
        bool ro = false, rwSeen = false, noCopy = false, labelSeen = false;
        var propagation = "";
        var mode = parts.Length == 3 ? parts[2] : "";
        if (parts.Length == 3)
            foreach (var opt in parts[2].Split(','))
            {
                switch (opt)
                {
                    case "ro" or "rw" when !rwSeen: ro = opt == "ro"; rwSeen = true; break;
                    case "z" or "Z" when !labelSeen: labelSeen = true; break;
                    case "nocopy" when !noCopy: noCopy = true; break;
                    case var p when Propagations.Contains(p) && propagation.Length == 0: propagation = p; break;
                    default: throw EngineException.Invalid($"invalid mode: {parts[2]}");
                }
            }
        if (source.StartsWith('/'))
        {
            if (noCopy) throw EngineException.Invalid($"invalid mode: {parts[2]}: nocopy applies to volumes only");
        }
        else if (propagation.Length > 0) throw EngineException.Invalid($"invalid mode: {parts[2]}: propagation applies to binds only");
        return new BindSpec(source, Path.TrimEndingDirectorySeparator(target), ro, mode, propagation, noCopy);
    }
}
