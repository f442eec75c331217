using System.Runtime.InteropServices;

namespace WebUI.Engine.Linux;

/// <summary>mount(2) and umount2(2), used by tests and tools that check overlay snapshots for real.</summary>
internal static partial class Sys
{
    public const ulong MS_RDONLY = 1;
    public const ulong MS_BIND = 4096;
    public const int MNT_DETACH = 2;

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mount_(string source, string target, string? fstype, ulong flags, string? data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int umount2_(string target, int flags);

    public static void mount(string source, string target, string? fstype, ulong flags, string? data) =>
        Retry(() => mount_(source, target, fstype, flags, data), "mount", target);

    public static void umount2(string target, int flags) => Retry(() => umount2_(target, flags), "umount2", target);
}
