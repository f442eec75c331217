using System.Text;
using Microsoft.Win32.SafeHandles;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// A conmon started so that it gets only what is meant for it: stdin /dev/null, stdout and stderr on one pipe read
/// here, the given pipe ends as descriptors 3, 4, 5 (see <see cref="Fd"/>) and nothing else of the server (no socket,
/// log, database, another container's pipe, nor what the server itself inherited), through <see cref="Sys.posix_spawn"/>.
/// Its environment is PATH and what the caller gives, not the server's: conmon and the runc it runs read nothing else
/// (the container's environment is in its OCI spec), the server's may hold secrets (Auth__BootstrapAdminPassword), and a
/// LANG or LC_* made conmon's setlocale load a dozen locale files at every container start.
/// Process.Start cannot do that: a pipe made inheritable for it leaks into every child started meanwhile, and children
/// get every descriptor the server inherited without close-on-exec.
/// </summary>
internal sealed class MonitorProcess
{
    private readonly Task<string> _output;

    private MonitorProcess(int pid, Task<string> output)
    {
        Pid = pid;
        _output = output;
    }

    public int Pid { get; }

    /// <summary>PATH for a server started without one.</summary>
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The descriptor number the child sees for <c>passed[index]</c>.</summary>
    public static int Fd(int index) => 3 + index;

    /// <summary>Starts <paramref name="file"/>; <paramref name="passed"/> are this process's (close-on-exec) descriptors for the child.</summary>
    public static MonitorProcess Start(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, IReadOnlyList<int> passed)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } path ? path : DefaultPath,
        };
        foreach (var (k, v) in environment) env[k] = v;

        var output = Sys.pipe2CloseOnExec();
        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
        int pid;
        try
        {
            var nullFd = (int)devNull.DangerousGetHandle();
            pid = Sys.posix_spawn(file, [file, .. args], [.. env.Select(e => $"{e.Key}={e.Value}")], nullFd, output.Write, output.Write, passed);
        }
        catch (LinuxException e)
        {
            Sys.close(output.Read);
            throw new EngineException(ErrorKind.FailedPrecondition, $"cannot run {file}: {e.Message}", e);
        }
        finally
        {
            // Our copy of the write end goes, so the read below ends when the child (and what it forked) closed theirs.
            Sys.close(output.Write);
        }
        var stream = new FileStream(new SafeFileHandle(output.Read, ownsHandle: true), FileAccess.Read, 1);
        return new MonitorProcess(pid, ReadAllAsync(stream));
    }

    /// <summary>Waits until the child exits (conmon's parent exits once its monitor is detached) and returns its output.</summary>
    public async Task<CommandResult> WaitForExitAsync(CancellationToken cancellationToken)
    {
        string output;
        try
        {
            output = await _output.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Still reaped, later, so no zombie is left behind.
            _ = _output.ContinueWith(_ => Sys.waitpid(Pid), TaskScheduler.Default);
            throw;
        }
        // Its stdout and stderr are closed: the exit is at most moments away, so a blocking wait is short.
        var code = await Task.Run(() => Sys.waitpid(Pid), CancellationToken.None);
        return new CommandResult(code < 0 ? 0 : code, "", output);
    }

    private static async Task<string> ReadAllAsync(FileStream stream)
    {
        await using (stream)
        using (var reader = new StreamReader(stream, Encoding.UTF8))
            return await reader.ReadToEndAsync(CancellationToken.None);
    }
}
