using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>
/// The init for --init: a static tini or catatonit from the host (Debian's tini-static, catatonit), bind-mounted
/// read-only at /sbin/docker-init like Docker's, so it runs in any image.
/// </summary>
internal static class InitBinary
{
    public const string ContainerPath = "/sbin/docker-init";

    private static readonly string[] Candidates = ["/usr/bin/tini-static", "/usr/bin/catatonit", "/usr/libexec/podman/catatonit", "/usr/bin/docker-init"];

    /// <summary>The configured path, or the first static init found; a FailedPrecondition when none is installed.</summary>
    public static string Find(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : throw EngineException.Precondition($"the init binary {configured} (Engine:InitPath) does not exist");
        return Candidates.FirstOrDefault(File.Exists)
            ?? throw EngineException.Precondition("--init needs tini or catatonit: install Debian's tini (tini-static) or catatonit, or set Engine:InitPath");
    }
}
