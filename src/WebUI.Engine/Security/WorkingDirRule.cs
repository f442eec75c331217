using System.Text.RegularExpressions;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Security;

/// <summary>
/// A working directory must be absolute and must not lead into /proc/&lt;pid&gt;/fd: runc before 1.1.12 leaks a host
/// directory fd into the container, and a cwd of /proc/self/fd/N escapes to the host (CVE-2024-21626). Checked on the
/// path as given and on the path its symlinks resolve to inside the container's root.
/// </summary>
public static partial class WorkingDirRule
{
    [GeneratedRegex("^/proc/(self|thread-self|[0-9]+)(/task/[0-9]+)?/(fd|fdinfo|cwd|root|map_files)(/|$)")]
    private static partial Regex ProcEscape();

    /// <summary>The check at create: absolute, and not a /proc fd path.</summary>
    public static void Validate(string? workingDir)
    {
        if (string.IsNullOrEmpty(workingDir)) return;
        if (!workingDir.StartsWith('/'))
            throw EngineException.Invalid($"the working directory '{workingDir}' is invalid, it needs to be an absolute path");
        Check(workingDir, workingDir);
    }

    /// <summary>The check at start: <paramref name="resolved"/> is the working directory with its symlinks followed inside the rootfs.</summary>
    public static void Check(string workingDir, string resolved)
    {
        if (ProcEscape().IsMatch(Normalize(workingDir)) || ProcEscape().IsMatch(Normalize(resolved)))
            throw EngineException.Invalid($"the working directory '{workingDir}' is refused: it leads into /proc/<pid>/fd, which can reach host files (CVE-2024-21626)");
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return "/" + string.Join('/', parts);
    }
}
