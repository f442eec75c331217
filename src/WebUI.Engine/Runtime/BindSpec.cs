using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>A parsed -v host:container[:ro|rw] bind.</summary>
internal sealed record BindSpec(string Source, string Target, bool ReadOnly)
{
    public static BindSpec Parse(string bind)
    {
        var parts = bind.Split(':');
        if (parts.Length is < 2 or > 3) throw EngineException.Invalid($"invalid volume specification: '{bind}'");
        var (source, target) = (parts[0], parts[1]);
        if (!source.StartsWith('/')) throw EngineException.Invalid($"named volumes are not supported yet: '{bind}'");
        if (!target.StartsWith('/')) throw EngineException.Invalid($"invalid volume specification: '{bind}': the target must be absolute");
        var ro = false;
        if (parts.Length == 3)
            foreach (var opt in parts[2].Split(','))
                ro = opt switch
                {
                    "ro" => true, "rw" => false, "z" or "Z" or "rprivate" or "private" or "rshared" or "shared" or "rslave" or "slave" or "nocopy" => ro,
                    _ => throw EngineException.Invalid($"invalid mode: {opt}"),
                };
        return new BindSpec(source, target, ro);
    }
}
