using WebUI.Engine.Errors;

namespace WebUI.Engine.Volumes;

/// <summary>The rules of the "local" driver's options, as Docker's: type, o, device; o=size= for tmpfs; bind needs an existing absolute device.</summary>
internal static class LocalVolumeDriver
{
    public const string Name = "local";

    private static readonly HashSet<string> Known = ["type", "o", "device"];

    public static void Validate(IReadOnlyDictionary<string, string> options)
    {
        foreach (var key in options.Keys)
            if (!Known.Contains(key)) throw EngineException.Invalid($"invalid option key: \"{key}\"");
        if (options.Count == 0) return;
        if (!options.TryGetValue("type", out var type) || type.Length == 0)
            throw EngineException.Invalid("missing required option: \"type\"");
        if (!options.TryGetValue("device", out var device) || device.Length == 0)
            throw EngineException.Invalid("missing required option: \"device\"");
        if (IsBind(options) && !Path.IsPathRooted(device))
            throw EngineException.Invalid($"invalid bind device \"{device}\": must be an absolute path");
        if (type == "tmpfs" && options.TryGetValue("o", out var o) && o.Split(',').Any(p => p.StartsWith("bind", StringComparison.Ordinal)))
            throw EngineException.Invalid("invalid option: bind with type tmpfs");
    }

    /// <summary>Whether the volume must be mounted (device, tmpfs or bind) rather than used as a plain directory.</summary>
    public static bool NeedsMount(IReadOnlyDictionary<string, string> options) => options.ContainsKey("type");

    public static bool IsBind(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue("o", out var o) && o.Split(',').Any(p => p is "bind" or "rbind");
}
