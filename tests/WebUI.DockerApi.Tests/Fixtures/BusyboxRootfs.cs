using System.Formats.Tar;

namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>
/// Builds a busybox root file system tarball from the host's static busybox (Debian busybox-static):
/// there is no Docker Hub here, so this is the test images' base.
/// </summary>
public static class BusyboxRootfs
{
    public const string BusyboxPath = "/bin/busybox";

    /// <summary>Writes the tarball to <paramref name="path"/> (uncompressed, root-owned entries).</summary>
    public static async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        var applets = await ListAppletsAsync(cancellationToken);
        await using var file = File.Create(path);
        await using var tar = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: false);

        foreach (var dir in new[] { "bin", "dev", "etc", "proc", "root", "sys", "usr", "usr/bin", "usr/sbin", "sbin", "var", "home" })
            await tar.WriteEntryAsync(Dir(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute), cancellationToken);
        await tar.WriteEntryAsync(Dir("tmp", (UnixFileMode)Convert.ToInt32("1777", 8)), cancellationToken);

        var busybox = new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox")
        {
            Mode = (UnixFileMode)Convert.ToInt32("755", 8),
            ModificationTime = DateTimeOffset.UnixEpoch.AddYears(50),
        };
        await using (var data = File.OpenRead(BusyboxPath))
        {
            busybox.DataStream = data;
            await tar.WriteEntryAsync(busybox, cancellationToken);
        }

        foreach (var applet in applets)
        {
            if (applet == "bin/busybox") continue;
            var link = new PaxTarEntry(TarEntryType.SymbolicLink, applet) { LinkName = "/bin/busybox", Mode = (UnixFileMode)Convert.ToInt32("777", 8) };
            await tar.WriteEntryAsync(link, cancellationToken);
        }

        await tar.WriteEntryAsync(Text("etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n"), cancellationToken);
        await tar.WriteEntryAsync(Text("etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n"), cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> ListAppletsAsync(CancellationToken cancellationToken)
    {
        // --list-full prints each applet with its install path, e.g. "bin/sh", "usr/bin/wc".
        var r = await ProcessRunner.RunAsync(BusyboxPath, ["--list-full"], cancellationToken: cancellationToken);
        r.EnsureSuccess();
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static PaxTarEntry Dir(string name, UnixFileMode mode) =>
        new(TarEntryType.Directory, name + "/") { Mode = mode, ModificationTime = DateTimeOffset.UnixEpoch.AddYears(50) };

    private static PaxTarEntry Text(string name, string content) => new(TarEntryType.RegularFile, name)
    {
        Mode = (UnixFileMode)Convert.ToInt32("644", 8),
        DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
    };
}
