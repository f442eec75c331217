using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>
/// The network modes this engine runs: "host" (the host's namespace) and "none" (a new namespace with only lo). The
/// CLI's default ("", "default", "bridge") is none until bridge networking exists.
/// </summary>
internal static class NetworkModes
{
    public static bool IsHost(string? mode) => mode == "host";

    /// <summary>Rejects modes that would silently behave differently than asked (container:x, user networks).</summary>
    public static void Validate(string? mode)
    {
        if (mode is null or "" or "default" or "bridge" or "none" or "host") return;
        throw EngineException.Invalid($"network mode \"{mode}\" is not supported yet: use none or host");
    }
}
