using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

// Exec sessions, as Podman runs them: one conmon per session (conmon --exec --exec-process-spec), which runs
// `runc exec --detach` and reports the pid and then the exit code on its sync pipe. With --exec-attach conmon opens the
// session's attach socket, says so on the attach pipe, and waits on the start pipe until we are connected, so no output
// is lost.
internal sealed partial class ConmonRuntime
{
    /// <summary>Starts <paramref name="processSpec"/> (an OCI process object) in running container <paramref name="containerId"/>.</summary>
    /// <param name="connect">With it, called with the session's attach socket path before the process runs.</param>
    public async Task<ConmonExecProcess> ExecAsync(string containerId, string execId, JsonElement processSpec, bool tty, bool stdin,
        Func<string, CancellationToken, Task>? connect, CancellationToken cancellationToken)
    {
        var dir = Paths.ExecSessionDir(execId);
        var exitDir = Path.Combine(dir, "exit");
        Directory.CreateDirectory(exitDir);
        var specPath = Path.Combine(dir, "process.json");
        await File.WriteAllBytesAsync(specPath, JsonSerializer.SerializeToUtf8Bytes(processSpec), cancellationToken);

        var args = new List<string>
        {
            "--api-version", "1", "-c", containerId, "-u", RuntimePaths.ConmonUuid(execId), "-r", RuntimePath,
            "--runtime-arg", "--root", "--runtime-arg", Paths.RuncRoot,
            "-b", dir, "-p", Path.Combine(dir, "pid"), "-n", containerId,
            "--exit-dir", exitDir, "-l", "none", "--socket-dir-path", Paths.SocketDir,
            "--conmon-pidfile", Path.Combine(dir, "conmon.pid"), "--log-level", "info",
            "-e", "--exec-process-spec", specPath,
        };
        if (connect is not null) args.Add("--exec-attach");
        if (tty) args.Add("-t");
        if (stdin) args.Add("-i");

        var sync = Sys.pipe2CloseOnExec();
        var start = connect is null ? (Read: -1, Write: -1) : Sys.pipe2CloseOnExec();
        var attach = connect is null ? (Read: -1, Write: -1) : Sys.pipe2CloseOnExec();
        var syncStream = new FileStream(new SafeFileHandle(sync.Read, ownsHandle: true), FileAccess.Read, 1);
        using var startStream = start.Write < 0 ? null : new FileStream(new SafeFileHandle(start.Write, ownsHandle: true), FileAccess.Write, 1);
        using var attachStream = attach.Read < 0 ? null : new FileStream(new SafeFileHandle(attach.Read, ownsHandle: true), FileAccess.Read, 1);
        var syncReader = new StreamReader(syncStream, Encoding.UTF8);
        var handedOff = false;
        try
        {
            // The child's ends become its descriptors 3 (sync), 4 (start), 5 (attach).
            var env = new Dictionary<string, string> { ["_OCI_SYNCPIPE"] = MonitorProcess.Fd(0).ToString() };
            var passed = new List<int> { sync.Write };
            if (connect is not null)
            {
                env["_OCI_STARTPIPE"] = MonitorProcess.Fd(1).ToString();
                env["_OCI_ATTACHPIPE"] = MonitorProcess.Fd(2).ToString();
                passed.Add(start.Read);
                passed.Add(attach.Write);
            }
            MonitorProcess conmon;
            try
            {
                conmon = MonitorProcess.Start(ConmonPath, args, env, passed);
            }
            finally
            {
                // Our copies of conmon's ends must go, so a conmon that dies gives EOF on ours.
                Sys.close(sync.Write);
                if (connect is not null) { Sys.close(start.Read); Sys.close(attach.Write); }
            }
            // conmon blocks on a first start-pipe message before it forks away (Podman moves it to a cgroup then).
            if (startStream is not null) await startStream.WriteAsync("0"u8.ToArray(), cancellationToken);
            var exited = await conmon.WaitForExitAsync(cancellationToken);
            if (exited.ExitCode != 0) throw new EngineException(ErrorKind.Internal, "conmon failed: " + exited.Message);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            if (connect is not null)
            {
                using var attachReader = new StreamReader(attachStream!, Encoding.UTF8, leaveOpen: true);
                var ready = await attachReader.ReadLineAsync(timeout.Token);
                if (ready is null) throw new EngineException(ErrorKind.Internal, "conmon exited before it opened the exec attach socket");
                await connect(Path.Combine(Paths.SocketDir, RuntimePaths.ConmonUuid(execId), "attach"), timeout.Token);
                await startStream!.WriteAsync("0"u8.ToArray(), timeout.Token);
                await startStream.FlushAsync(timeout.Token);
            }

            var line = await syncReader.ReadLineAsync(timeout.Token);
            var (pid, message) = ParseSync(line);
            if (pid <= 0)
            {
                syncReader.Dispose();
                Cleanup(execId);
                return new ConmonExecProcess(0, Task.FromResult(new ExecExitStatus(ExecFailureCode(message), "OCI runtime exec failed: " + (message ?? "unknown error"))));
            }
            handedOff = true;
            return new ConmonExecProcess(pid, WaitExitAsync(execId, syncReader));
        }
        finally
        {
            if (!handedOff) syncReader.Dispose();
        }
    }

    /// <summary>Resizes an exec session's terminal through its conmon's control fifo.</summary>
    public async Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken)
    {
        var fifo = Path.Combine(Paths.ExecSessionDir(execId), "ctl");
        if (!File.Exists(fifo)) throw EngineException.Conflict($"exec {execId} is not running");
        await WriteFifoAsync(fifo, Encoding.ASCII.GetBytes($"1 {height} {width}\n"), cancellationToken);
    }

    /// <summary>Writes one message to a fifo conmon reads (a stream: no positional writes).</summary>
    internal static async Task WriteFifoAsync(string fifo, byte[] message, CancellationToken cancellationToken)
    {
        // conmon holds the read end while it runs, so the open does not block.
        await using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        await stream.WriteAsync(message, cancellationToken);
    }

    /// <summary>Removes an ended session's files (its conmon removes the socket link itself).</summary>
    public void Cleanup(string execId)
    {
        try { Directory.Delete(Paths.ExecSessionDir(execId), recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
    }

    private async Task<ExecExitStatus> WaitExitAsync(string execId, StreamReader syncReader)
    {
        using (syncReader)
        {
            string? line;
            try { line = await syncReader.ReadLineAsync(); }
            catch (IOException) { line = null; }
            var exitDir = Path.Combine(Paths.ExecSessionDir(execId), "exit");
            int code;
            string? message = null;
            if (line is not null) (code, message) = ParseSync(line);
            else code = ReadCode(exitDir) ?? 255;
            Cleanup(execId);
            // conmon reports -1 with a message when it timed out or lost the process.
            return code < 0 ? new ExecExitStatus(255, message) : new ExecExitStatus(code, null);
        }
    }

    private static int? ReadCode(string exitDir)
    {
        try
        {
            var file = Directory.EnumerateFiles(exitDir).FirstOrDefault();
            return file is not null && int.TryParse(File.ReadAllText(file).Trim(), out var c) ? c : null;
        }
        catch (IOException) { return null; }
    }

    private static (int Data, string? Message) ParseSync(string? line)
    {
        if (line is null) return (-1, "conmon exited without reporting the exec process");
        using var doc = JsonDocument.Parse(line);
        var data = doc.RootElement.GetProperty("data").GetInt32();
        var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
        return (data, message);
    }

    /// <summary>Docker's codes for an exec that never ran: 127 when the command is missing, 126 when it cannot be run.</summary>
    private static int ExecFailureCode(string? message) =>
        message is not null && (message.Contains("executable file not found", StringComparison.Ordinal) || message.Contains("no such file or directory", StringComparison.Ordinal)) ? 127 : 126;
}
