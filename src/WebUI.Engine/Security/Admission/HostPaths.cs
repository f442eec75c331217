namespace WebUI.Engine.Security.Admission;

/// <summary>Which mount sources and volume options reach the host's file system.</summary>
internal static class HostPaths
{
    /// <summary>A -v source that is a path (absolute, relative or home), not a volume name (names never hold '/').</summary>
    public static bool IsPathSource(string source) =>
        source.Contains('/') || source.StartsWith('.') || source.StartsWith('~');

    /// <summary>Local-driver options that mount something of the host: o=bind/rbind, or any device=.</summary>
    public static string? VolumeOptionProblem(IReadOnlyDictionary<string, string>? options)
    {
        if (options is null || options.Count == 0) return null;
        if (options.TryGetValue("o", out var o) && o.Split(',').Any(p => p.Trim() is "bind" or "rbind"))
            return $"volume option o={o} (a host bind)";
        if (options.TryGetValue("device", out var device) && device.Length > 0)
            return $"volume option device={device} (a host path or device)";
        if (options.TryGetValue("type", out var type) && type is not ("tmpfs" or ""))
            return $"volume option type={type} (a host file system)";
        return null;
    }

    /// <summary>The source of one Binds entry ("src:dst[:opts]").</summary>
    public static string BindSource(string bind)
    {
        var colon = bind.IndexOf(':');
        return colon < 0 ? "" : bind[..colon];
    }
}
