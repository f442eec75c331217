using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// `runc start` of a created container without a runc process. After `runc create`, runc's init waits inside the
/// container in an open(O_WRONLY) of <c>&lt;runc root&gt;/&lt;id&gt;/exec.fifo</c>; `runc start` (libcontainer's
/// <c>exec()</c>, runc 1.1: <c>awaitFifoOpen</c> + <c>handleFifoResult</c>) checks that the container is "created"
/// (state.json's init pid alive with its recorded start time, not frozen, the fifo present), opens the fifo for
/// reading, reads it to the end (init writes one byte, and its end closes at the execve of the container's process)
/// and removes the fifo. This does the same, with a time limit and a non-blocking open polled beside the init's
/// liveness (as runc 1.2+ does with a pidfd), so a dead init gives an error instead of a hang. When any of it does not
/// hold (no runc state, as with crun; the init gone; frozen; no fifo: already started) it does nothing and answers
/// false: the caller then runs `&lt;runtime&gt; start`, which reports the runtime's own error.
/// </summary>
internal static class ExecFifo
{
    public const string FileName = "exec.fifo";

    private const int SliceMs = 50;

    /// <summary>Releases the created container whose runc state directory is <paramref name="stateDir"/>; false when the fast path does not apply.</summary>
    public static async Task<bool> TryStartAsync(string stateDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!TryReadState(stateDir, out var init)) return false;
        if (!InitAlive(init) || Frozen(init)) return false;
        var fifo = Path.Combine(stateDir, FileName);
        SafeFileHandle handle;
        try { handle = Sys.open(fifo, Sys.O_RDONLY | Sys.O_NONBLOCK); }
        catch (LinuxException e) when (e.Errno == Sys.ENOENT) { return false; }
        using (handle)
            await Task.Run(() => ReadToEnd(handle, fifo, init, timeout, cancellationToken), cancellationToken);
        File.Delete(fifo);
        return true;
    }

    private static void ReadToEnd(SafeFileHandle handle, string fifo, InitProcess init, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        Span<byte> buffer = stackalloc byte[16];
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The writer counts from the moment it waits in open, so POLLIN comes with its byte and POLLHUP with its close.
            if (Sys.poll(handle, Sys.POLLIN, SliceMs) == 0)
            {
                if (!InitAlive(init))
                {
                    // It may have written and gone between two polls: what is in the fifo decides, as in runc.
                    while (Sys.readNonBlocking(handle, buffer, fifo) is > 0 and var n) total += n;
                    if (total > 0) return;
                    throw new EngineException(ErrorKind.Internal, "OCI runtime start failed: container process is already dead");
                }
                if (Environment.TickCount64 > deadline)
                    throw new EngineException(ErrorKind.Internal, $"OCI runtime start failed: the container's init did not answer on {fifo} within {timeout.TotalSeconds:0} s");
                continue;
            }
            var read = Sys.readNonBlocking(handle, buffer, fifo);
            if (read > 0) { total += read; continue; }
            if (read < 0) continue;
            // End of file: init's end closed (its execve, or its death).
            if (total > 0) return;
            throw new EngineException(ErrorKind.Internal, "OCI runtime start failed: cannot start an already running container (the exec fifo was empty)");
        }
    }

    private readonly record struct InitProcess(int Pid, ulong StartTime, string? FreezerFile, string FrozenValue);

    /// <summary>runc's state.json: the init's pid and start time (clock ticks since boot) and the cgroup paths.</summary>
    private static bool TryReadState(string stateDir, out InitProcess init)
    {
        init = default;
        byte[] json;
        try { json = File.ReadAllBytes(Path.Combine(stateDir, "state.json")); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return false; }
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (!root.TryGetProperty("init_process_pid", out var pid) || !pid.TryGetInt32(out var p) || p <= 0) return false;
            if (!root.TryGetProperty("init_process_start", out var start) || !TryGetUInt64(start, out var s)) return false;
            string? freezer = null, frozen = "";
            if (root.TryGetProperty("cgroup_paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
            {
                // cgroup v1 has a freezer hierarchy; on v2 runc keeps the unified path under the key "".
                if (paths.TryGetProperty("freezer", out var v1) && v1.GetString() is { Length: > 0 } d1) (freezer, frozen) = (Path.Combine(d1, "freezer.state"), "FROZEN");
                else if (paths.TryGetProperty("", out var v2) && v2.GetString() is { Length: > 0 } d2) (freezer, frozen) = (Path.Combine(d2, "cgroup.freeze"), "1");
            }
            init = new InitProcess(p, s, freezer, frozen);
            return true;
        }
        catch (JsonException) { return false; }
    }

    private static bool TryGetUInt64(JsonElement e, out ulong value)
    {
        value = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetUInt64(out value),
            JsonValueKind.String => ulong.TryParse(e.GetString(), out value),
            _ => false,
        };
    }

    /// <summary>runc's runType: the pid exists, is not a zombie and started when state.json says (not a reused pid).</summary>
    private static bool InitAlive(InitProcess init)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{init.Pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        // pid (comm) state ppid ... : fields after the command's closing parenthesis, state first, starttime the 20th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 20 || fields[0] is "Z" or "X" or "x") return false;
        return ulong.TryParse(fields[19], out var start) && start == init.StartTime;
    }

    private static bool Frozen(InitProcess init)
    {
        if (init.FreezerFile is null) return false;
        try { return File.ReadAllText(init.FreezerFile).Trim() == init.FrozenValue; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
