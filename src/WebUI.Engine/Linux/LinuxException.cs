using System.Runtime.InteropServices;

namespace WebUI.Engine.Linux;

/// <summary>A failed system call: the call, the path it was about, errno and strerror.</summary>
public sealed class LinuxException(string call, int errno, string? path = null)
    : Exception($"{call}{(path is null ? "" : $" {path}")}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})")
{
    public string Call { get; } = call;
    public int Errno { get; } = errno;
    public string? PathName { get; } = path;

    /// <summary>Throws for rv == -1 with the calling thread's last errno.</summary>
    public static int ThrowIfError(int rv, string call, string? path = null)
    {
        if (rv == -1) throw new LinuxException(call, Marshal.GetLastPInvokeError(), path);
        return rv;
    }
}
