namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>
/// Removes whatever a test server left under its directory, even after a crash: runc containers, conmon monitors,
/// mounts (deepest first), then the files.
/// </summary>
public static class Leftovers
{
    public static async Task RemoveAsync(string root)
    {
        // runc state kept under the exec root (the engine passes --root <ExecRoot>/runc).
        var runcRoot = Path.Combine(root, "run", "runc");
        if (Directory.Exists(runcRoot))
        {
            foreach (var dir in Directory.GetDirectories(runcRoot))
                await ProcessRunner.RunAsync("runc", ["--root", runcRoot, "delete", "--force", Path.GetFileName(dir)], timeout: TimeSpan.FromSeconds(20));
        }

        // conmon monitors (and anything else) whose command line names our directory.
        foreach (var proc in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == Environment.ProcessId) continue;
            string cmdline;
            try { cmdline = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' '); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (cmdline.Contains(root + "/", StringComparison.Ordinal)) Unix.Kill(pid, 9);
        }

        foreach (var mountPoint in MountsUnder(root).OrderByDescending(m => m.Length))
            await ProcessRunner.RunAsync("umount", ["-l", mountPoint], timeout: TimeSpan.FromSeconds(20));

        try { Directory.Delete(root, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await ProcessRunner.RunAsync("rm", ["-rf", root], timeout: TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Mount points at or below <paramref name="root"/>, from /proc/self/mountinfo.</summary>
    public static IReadOnlyList<string> MountsUnder(string root) =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(l => l.Split(' ')[4].Replace("\\040", " "))
            .Where(m => m == root || m.StartsWith(root + "/", StringComparison.Ordinal))
            .ToList();
}
