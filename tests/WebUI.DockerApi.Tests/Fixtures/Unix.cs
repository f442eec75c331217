using System.Runtime.InteropServices;

namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>The few libc calls the fixture needs.</summary>
internal static partial class Unix
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
