using System.Runtime.InteropServices;
using System.Text;

namespace WebUI.Engine.Linux;

/// <summary>
/// posix_spawn(3) with file actions, for children that must get exactly the descriptors meant for them: every
/// descriptor of this process is close-on-exec, the child's are placed by dup2 (which clears the flag on the copy) and
/// everything above them is closed (posix_spawn_file_actions_addclosefrom_np, glibc 2.34+), so nothing the server
/// inherited or opened meanwhile reaches it.
/// </summary>
internal static partial class Sys
{
    private const int O_CLOEXEC_FLAG = 0x80000, F_DUPFD_CLOEXEC = 1030, ECHILD = 10;
    private const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    // Opaque glibc types, given more room than x86_64/aarch64 need (80, 336 and 128 bytes).
    private const int FileActionsSize = 256, AttrSize = 512, SigsetSize = 256;

    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    private static unsafe partial int posix_spawn_(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static unsafe partial int posix_spawn_file_actions_init_(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static unsafe partial int posix_spawn_file_actions_destroy_(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static unsafe partial int posix_spawn_file_actions_adddup2_(void* actions, int fd, int newfd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    private static unsafe partial int posix_spawn_file_actions_addclosefrom_np_(void* actions, int from);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static unsafe partial int posix_spawnattr_init_(void* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static unsafe partial int posix_spawnattr_destroy_(void* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static unsafe partial int posix_spawnattr_setflags_(void* attr, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static unsafe partial int posix_spawnattr_setsigmask_(void* attr, void* sigset);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static unsafe partial int posix_spawnattr_setsigdefault_(void* attr, void* sigset);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    private static unsafe partial int sigemptyset_(void* set);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    private static unsafe partial int sigfillset_(void* set);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static unsafe partial int waitpid_(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int fcntl_(int fd, int cmd, int arg);

    /// <summary>pipe2(O_CLOEXEC): a pipe no child inherits unless it is handed over by <see cref="posix_spawn"/>.</summary>
    public static unsafe (int Read, int Write) pipe2CloseOnExec()
    {
        int* fds = stackalloc int[2];
        Retry(() => pipe2_(fds, O_CLOEXEC_FLAG), "pipe2", "");
        return (fds[0], fds[1]);
    }

    /// <summary>
    /// Starts <paramref name="path"/> with stdin, stdout and stderr from the given descriptors and
    /// <paramref name="passed"/>[i] as descriptor 3 + i; every other descriptor is closed and every signal has its
    /// default disposition and is unblocked (this runtime ignores SIGPIPE, which a child must not inherit).
    /// </summary>
    public static unsafe int posix_spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> envp, int stdin, int stdout, int stderr, IReadOnlyList<int> passed)
    {
        // A source below the highest target could be overwritten by an earlier dup2: move such ones out of the way.
        var top = 3 + passed.Count;
        var lifted = new List<int>();
        int Lift(int fd)
        {
            if (fd >= top) return fd;
            var copy = fcntl_(fd, F_DUPFD_CLOEXEC, top);
            if (copy == -1) throw new LinuxException("fcntl F_DUPFD_CLOEXEC", Marshal.GetLastPInvokeError());
            lifted.Add(copy);
            return copy;
        }
        var sources = new List<int> { Lift(stdin), Lift(stdout), Lift(stderr) };
        sources.AddRange(passed.Select(Lift));

        var actions = NativeMemory.AllocZeroed(FileActionsSize);
        var attr = NativeMemory.AllocZeroed(AttrSize);
        var set = NativeMemory.AllocZeroed(SigsetSize);
        var strings = new List<nint>();
        try
        {
            Check(posix_spawn_file_actions_init_(actions), "posix_spawn_file_actions_init");
            for (var target = 0; target < sources.Count; target++)
                Check(posix_spawn_file_actions_adddup2_(actions, sources[target], target), "posix_spawn_file_actions_adddup2");
            Check(posix_spawn_file_actions_addclosefrom_np_(actions, top), "posix_spawn_file_actions_addclosefrom_np");
            Check(posix_spawnattr_init_(attr), "posix_spawnattr_init");
            Check(posix_spawnattr_setflags_(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK), "posix_spawnattr_setflags");
            sigfillset_(set);
            Check(posix_spawnattr_setsigdefault_(attr, set), "posix_spawnattr_setsigdefault");
            sigemptyset_(set);
            Check(posix_spawnattr_setsigmask_(attr, set), "posix_spawnattr_setsigmask");

            var file = Utf8z(path, strings);
            var args = NullTerminated(argv, strings);
            var env = NullTerminated(envp, strings);
            int pid;
            var rc = posix_spawn_(&pid, file, actions, attr, args, env);
            if (rc != 0) throw new LinuxException("posix_spawn", rc, path);
            return pid;
        }
        finally
        {
            posix_spawnattr_destroy_(attr);
            posix_spawn_file_actions_destroy_(actions);
            foreach (var p in strings) NativeMemory.Free((void*)p);
            NativeMemory.Free(set);
            NativeMemory.Free(attr);
            NativeMemory.Free(actions);
            foreach (var fd in lifted) close_(fd);
        }
    }

    /// <summary>Waits for a child started by <see cref="posix_spawn"/>: its exit code, 128 + signal when killed, -1 when it was reaped elsewhere.</summary>
    public static unsafe int waitpid(int pid)
    {
        int status;
        while (waitpid_(pid, &status, 0) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) continue;
            if (errno == ECHILD) return -1;
            throw new LinuxException("waitpid", errno);
        }
        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    private static void Check(int rc, string name)
    {
        if (rc != 0) throw new LinuxException(name, rc);
    }

    private static unsafe byte* Utf8z(string s, List<nint> owned)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        p[bytes.Length] = 0;
        owned.Add((nint)p);
        return p;
    }

    private static unsafe byte** NullTerminated(IReadOnlyList<string> items, List<nint> owned)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(items.Count + 1), (nuint)sizeof(nint));
        owned.Add((nint)array);
        for (var i = 0; i < items.Count; i++) array[i] = Utf8z(items[i], owned);
        return array;
    }
}
