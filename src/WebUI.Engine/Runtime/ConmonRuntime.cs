using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Runs containers as Podman does: conmon (the per-container monitor that outlives this process) runs `runc create`
/// and reports the pid on a sync pipe; `runc start` then runs the process. runc keeps its state under the exec root
/// (--root), so engines side by side never see each other's containers.
/// </summary>
internal sealed partial class ConmonRuntime(IOptions<EngineOptions> options, ILogger<ConmonRuntime> logger)
{
    private readonly EngineOptions _options = options.Value;
    private string? _runtimePath;
    private string? _conmonPath;

    public RuntimePaths Paths { get; } = new(options.Value.DataRoot, options.Value.ExecRoot);

    public string RuntimePath => _runtimePath ??= ResolveBinary(_options.Runtime);
    public string ConmonPath => _conmonPath ??= ResolveBinary(_options.Conmon);

    /// <summary>How long a start waits for the container's init on the exec fifo (it is normally waiting there already).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether the runtime is runc, whose state directory layout (state.json, exec.fifo) <see cref="ExecFifo"/> reads.</summary>
    private bool IsRunc => Path.GetFileName(RuntimePath) == "runc";

    public void EnsureDirectories()
    {
        foreach (var d in new[] { Paths.ContainersRoot, Paths.ExitDir, Paths.SocketDir, Paths.RuncRoot })
            Directory.CreateDirectory(d);
    }

    /// <summary>Starts conmon, which runs `runc create`; returns the container's pid once it exists (the process waits on runc's exec fifo until <see cref="StartAsync"/>).</summary>
    public async Task<int> CreateAsync(string id, bool tty, bool openStdin, bool stdinOnce, CancellationToken cancellationToken)
    {
        var execDir = Paths.ExecDir(id);
        Directory.CreateDirectory(execDir);
        File.Delete(Paths.ExitFile(id));
        File.Delete(Paths.PidFile(id));

        var args = new List<string>
        {
            "--api-version", "1", "-c", id, "-u", RuntimePaths.ConmonUuid(id), "-r", RuntimePath,
            "--runtime-arg", "--root", "--runtime-arg", Paths.RuncRoot,
            "-b", Paths.BundleDir(id), "-p", Paths.PidFile(id), "-n", id,
            "--exit-dir", Paths.ExitDir, "-l", "k8s-file:" + Paths.LogFile(id),
            "--socket-dir-path", Paths.SocketDir,
            "--container-pidfile", Paths.PidFile(id), "--conmon-pidfile", Paths.ConmonPidFile(id),
            "--log-level", "info",
        };
        if (tty) args.Add("-t");
        if (openStdin)
        {
            args.Add("-i");
            // docker run -i (StdinOnce) closes stdin when the attached client goes; -d -i keeps it open for the next attach.
            if (!stdinOnce) args.Add("--leave-stdin-open");
        }

        var (syncRead, syncWrite) = Sys.pipe2CloseOnExec();
        using var syncStream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(syncRead, ownsHandle: true), FileAccess.Read, 1);
        CommandResult launched;
        try
        {
            var conmon = MonitorProcess.Start(ConmonPath, args, new Dictionary<string, string> { ["_OCI_SYNCPIPE"] = MonitorProcess.Fd(0).ToString() }, [syncWrite]);
            launched = await conmon.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            // Our copy of the write end must go, so a conmon that dies without writing gives EOF here.
            Sys.close(syncWrite);
        }
        if (launched.ExitCode != 0) throw new EngineException(ErrorKind.Internal, $"conmon failed: {launched.Message}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var reader = new StreamReader(syncStream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(timeout.Token);
        if (line is null) throw new EngineException(ErrorKind.Internal, "conmon exited before it reported the container: " + RuntimeErrorFromLog(id));
        using var doc = JsonDocument.Parse(line);
        var pid = doc.RootElement.GetProperty("data").GetInt32();
        if (pid <= 0)
        {
            var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            throw new EngineException(ErrorKind.Internal, "OCI runtime create failed: " + (message ?? RuntimeErrorFromLog(id)));
        }
        LogCreated(logger, id, pid);
        return pid;
    }

    /// <summary>
    /// Runs the created container's process: with runc, in this process through its exec fifo (<see cref="ExecFifo"/>,
    /// what `runc start` does, without a runc process start on the path of every start); otherwise, or when the
    /// container is not in runc's "created" state, `&lt;runtime&gt; start`, which reports the runtime's own error.
    /// </summary>
    public async Task StartAsync(string id, CancellationToken cancellationToken)
    {
        if (IsRunc && await ExecFifo.TryStartAsync(Path.Combine(Paths.RuncRoot, id), StartTimeout, cancellationToken))
        {
            LogStartedThroughFifo(logger, id);
            return;
        }
        var r = await RuncAsync(["start", id], cancellationToken);
        if (r.ExitCode != 0) throw new EngineException(ErrorKind.Internal, "OCI runtime start failed: " + r.Message);
    }

    /// <summary>Sends a signal to the container's init; false when it is not running (any more).</summary>
    public async Task<bool> KillAsync(string id, int signal, CancellationToken cancellationToken)
    {
        var r = await RuncAsync(["kill", id, signal.ToString()], cancellationToken);
        if (r.ExitCode == 0) return true;
        LogKillFailed(logger, id, signal, r.Message);
        return false;
    }

    /// <summary>Removes runc's record of the container (killing it with force); a container runc does not know is fine.</summary>
    public async Task DeleteAsync(string id, bool force, CancellationToken cancellationToken)
    {
        // runc keeps one directory per container under its root: without it there is nothing to delete, and not
        // spawning runc saves a process start on every start and remove (the hot path of `docker run --rm`).
        if (!Directory.Exists(Path.Combine(Paths.RuncRoot, id))) return;
        var args = force ? new[] { "delete", "-f", id } : ["delete", id];
        var r = await RuncAsync(args, cancellationToken);
        if (r.ExitCode != 0 && !r.Stderr.Contains("does not exist", StringComparison.Ordinal) && !r.Stderr.Contains("not exist", StringComparison.Ordinal))
            LogDeleteFailed(logger, id, r.Message);
    }

    public async Task<RuntimeState?> StateAsync(string id, CancellationToken cancellationToken)
    {
        var r = await RuncAsync(["state", id], cancellationToken);
        if (r.ExitCode != 0) return null;
        using var doc = JsonDocument.Parse(r.Stdout);
        return new RuntimeState(doc.RootElement.GetProperty("status").GetString() ?? "unknown",
            doc.RootElement.TryGetProperty("pid", out var p) ? p.GetInt32() : 0);
    }

    /// <summary>The exit code conmon recorded, or null while the container has not exited.</summary>
    public int? ReadExitCode(string id)
    {
        try
        {
            var text = File.ReadAllText(Paths.ExitFile(id)).Trim();
            return int.TryParse(text, out var code) ? code : null;
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
    }

    /// <summary>conmon's pid, from its pid file; 0 when unknown.</summary>
    public int ConmonPid(string id)
    {
        try { return int.TryParse(File.ReadAllText(Paths.ConmonPidFile(id)).Trim(), out var p) ? p : 0; }
        catch (IOException) { return 0; }
    }

    /// <summary>Asks conmon to resize the terminal through its control fifo (message type 1).</summary>
    public async Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken)
    {
        var fifo = Paths.CtlFifo(id);
        if (!File.Exists(fifo)) throw EngineException.Conflict($"Container {id} is not running");
        // The caller checked that conmon runs: it holds the read end, so this open does not block.
        await WriteFifoAsync(fifo, Encoding.ASCII.GetBytes($"1 {height} {width}\n"), cancellationToken);
    }

    public void RemoveExecState(string id)
    {
        try { Directory.Delete(Paths.ExecDir(id), recursive: true); } catch (DirectoryNotFoundException) { }
        File.Delete(Paths.ExitFile(id));
    }

    private string RuntimeErrorFromLog(string id)
    {
        // conmon copies runc's stderr into the container log before the process exists; the last line says why create failed.
        try
        {
            var lines = File.ReadAllLines(Paths.LogFile(id));
            if (lines.Length > 0) return CriLogParser.TryParse(lines[^1], out var e) ? Encoding.UTF8.GetString(e.Data.Span).Trim() : lines[^1];
        }
        catch (IOException) { }
        return "see the server log";
    }

    private Task<CommandResult> RuncAsync(IEnumerable<string> args, CancellationToken cancellationToken) =>
        RunAsync(RuntimePath, ["--root", Paths.RuncRoot, .. args], null, cancellationToken);

    internal static async Task<CommandResult> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new EngineException(ErrorKind.FailedPrecondition, $"cannot run {file}");
        var stdout = p.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = p.StandardError.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        return new CommandResult(p.ExitCode, await stdout, await stderr);
    }

    private static string ResolveBinary(string name)
    {
        if (name.Contains('/')) return File.Exists(name) ? name : throw EngineException.Precondition($"{name} not found");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/libexec/podman"]))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw EngineException.Precondition($"{name} not found in PATH");
    }
}
