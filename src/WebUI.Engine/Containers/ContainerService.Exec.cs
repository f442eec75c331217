using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebUI.Engine.Containers.Exec;
using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;
using WebUI.Engine.Security.Admission;

namespace WebUI.Engine.Containers;

// Exec: a process started in a running container by `runc exec` under its own conmon (see ConmonRuntime.Exec).
internal sealed partial class ContainerService : IExecService
{
    private readonly ConcurrentDictionary<string, ExecSession> _execs = new(StringComparer.Ordinal);

    public Task<string> CreateExecAsync(string containerIdOrName, ExecConfig config, CancellationToken cancellationToken)
    {
        var record = store.Get(containerIdOrName);
        admission.AdmitExec(record, config);
        if (config.Cmd is null or []) throw EngineException.Invalid("No exec command specified");
        EnsureExecutable(record);
        var session = new ExecSession { Id = ContainerNames.NewId(), ContainerId = record.Id, Config = config };
        _execs[session.Id] = session;
        Publish(record, "exec_create: " + string.Join(' ', config.Cmd), new Dictionary<string, string> { ["execID"] = session.Id });
        return Task.FromResult(session.Id);
    }

    public ExecSession GetExec(string execId) =>
        _execs.TryGetValue(execId, out var s) ? s : throw EngineException.NotFound($"No such exec instance: {execId}");

    /// <summary>The container's exec sessions (inspect's ExecIDs).</summary>
    public IReadOnlyList<string> ExecIds(string containerId) =>
        [.. _execs.Values.Where(e => e.ContainerId == containerId).Select(e => e.Id)];

    public async Task<ExecRun> StartExecAsync(string execId, bool detach, CancellationToken cancellationToken)
    {
        var session = GetExec(execId);
        lock (session.Gate)
        {
            if (session.Running) throw EngineException.Conflict($"Error: Exec command {execId} is already running");
            if (session.Started) throw EngineException.Conflict($"Error: Exec command {execId} has already run");
            session.Started = true;
        }
        var record = store.Get(session.ContainerId);
        try
        {
            EnsureExecutable(record);
        }
        catch
        {
            lock (session.Gate) session.Started = false;
            throw;
        }
        var config = session.Config;
        var attach = !detach && (config.AttachStdin || config.AttachStdout || config.AttachStderr);
        ContainerAttachment? attachment = attach ? new ContainerAttachment(config.Tty, _ => { }) : null;
        ConmonExecProcess started;
        try
        {
            var process = ExecProcessSpec(record, config);
            started = await runtime.ExecAsync(record.Id, execId, process, config.Tty, attach && config.AttachStdin,
                attachment is null ? null : attachment.ConnectAsync, cancellationToken);
        }
        catch
        {
            // Docker's code for an exec that could not be started; the client reads it after the error.
            if (attachment is not null) await attachment.DisposeAsync();
            lock (session.Gate) session.ExitCode = 126;
            throw;
        }
        var cmd = string.Join(' ', config.Cmd ?? []);
        if (started.Pid > 0)
        {
            lock (session.Gate) { session.Running = true; session.Pid = started.Pid; }
            Publish(record, "exec_start: " + cmd, new Dictionary<string, string> { ["execID"] = execId });
        }
        var completion = FinishExecAsync(record, session, started);
        return new ExecRun(attachment, completion);
    }

    public async Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken)
    {
        var session = GetExec(execId);
        if (height < 0 || width < 0 || height > 1000 || width > 1000) throw EngineException.Invalid($"invalid terminal size {height}x{width}");
        if (!session.Running) throw EngineException.Conflict($"exec {execId} is not running");
        if (!session.Config.Tty) return;
        await runtime.ResizeExecAsync(execId, height, width, cancellationToken);
    }

    /// <summary>Runs a command in the container to its end (health probes): exit code and the first 4 KiB of its output.</summary>
    internal async Task<(int ExitCode, string Output)> RunProbeAsync(ContainerRecord record, List<string> cmd, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The probe is the container's own health check, admitted with the container: the engine runs it as itself. A
        // monitor re-started for an adopted container (live restore) has no request caller to inherit.
        string id;
        using (CallerContext.Enter(Caller.Root))
            id = await CreateExecAsync(record.Id, new ExecConfig { Cmd = cmd, AttachStdout = true, AttachStderr = true }, cancellationToken);
        try
        {
            var run = await StartExecAsync(id, detach: false, cancellationToken);
            using var output = new MemoryStream();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await using var a = run.Attachment!;
                while (await a.ReadAsync(deadline.Token) is { } chunk)
                    if (output.Length < 4096) output.Write(chunk.Data.Span[..Math.Min(chunk.Data.Length, 4096 - (int)output.Length)]);
                var result = await run.Completion.WaitAsync(deadline.Token);
                var text = System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
                return (result.ExitCode, result.Error ?? text);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var pid = GetExec(id).Pid;
                if (pid > 0) Linux.Sys.kill(pid, Signals.SIGKILL);
                return (-1, $"Health check exceeded timeout ({timeout.TotalSeconds:0.###}s)");
            }
        }
        finally
        {
            _execs.TryRemove(id, out _);
        }
    }

    private async Task<ExecResult> FinishExecAsync(ContainerRecord record, ExecSession session, ConmonExecProcess started)
    {
        var status = await started.Exited;
        lock (session.Gate) { session.Running = false; session.ExitCode = status.ExitCode; }
        if (started.Pid > 0)
            Publish(record, "exec_die", new Dictionary<string, string> { ["execID"] = session.Id, ["exitCode"] = status.ExitCode.ToString() });
        return new ExecResult(status.ExitCode, status.Error);
    }

    private void ForgetExecs(string containerId)
    {
        foreach (var e in _execs.Values.Where(e => e.ContainerId == containerId)) _execs.TryRemove(e.Id, out _);
    }

    private static void EnsureExecutable(ContainerRecord record)
    {
        if (!record.State.Running) throw EngineException.Conflict($"Container {record.Id} is not running");
        if (record.State.Paused) throw EngineException.Conflict($"Container {record.Id} is paused, unpause the container before exec");
        if (record.State.Restarting) throw EngineException.Conflict($"Container {record.Id} is restarting, wait until the container is running");
    }

    /// <summary>The exec's OCI process: the container's own (capabilities, rlimits, security settings) with the exec's command, user, env and cwd.</summary>
    private JsonElement ExecProcessSpec(ContainerRecord record, ExecConfig config)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Paths.SpecFile(record.Id)))!.AsObject();
        var process = spec["process"]!.AsObject();
        var user = UserResolver.Resolve(string.IsNullOrEmpty(config.User) ? record.Config.User : config.User, Paths.RootfsDir(record.Id));
        var env = OciSpecBuilder.ProcessEnv(record, user);
        foreach (var e in config.Env ?? [])
        {
            var key = e.Split('=', 2)[0];
            env.RemoveAll(x => x == key || x.StartsWith(key + "=", StringComparison.Ordinal));
            env.Add(e);
        }
        if (config.Tty && !env.Any(e => e.StartsWith("TERM=", StringComparison.Ordinal))) env.Add("TERM=xterm");

        // exec's cwd is as dangerous as the container's (CVE-2024-21626): the same rule.
        Security.WorkingDirRule.Validate(config.WorkingDir);
        process["terminal"] = config.Tty;
        process["args"] = new JsonArray([.. config.Cmd!.Select(a => (JsonNode)a)]);
        process["env"] = new JsonArray([.. env.Select(a => (JsonNode)a)]);
        process["cwd"] = !string.IsNullOrEmpty(config.WorkingDir) ? config.WorkingDir
            : string.IsNullOrEmpty(record.Config.WorkingDir) ? "/" : record.Config.WorkingDir;
        process["user"] = new JsonObject
        {
            ["uid"] = user.Uid, ["gid"] = user.Gid, ["additionalGids"] = new JsonArray([.. user.AdditionalGids.Select(g => (JsonNode)g)]),
        };
        process.Remove("consoleSize");
        if (config.Tty && config.ConsoleSize is [var h, var w] && h > 0 && w > 0)
            process["consoleSize"] = new JsonObject { ["height"] = h, ["width"] = w };
        if (config.Privileged)
        {
            var all = new JsonArray([.. Security.Capability.Resolve(privileged: true, null, null).Select(c => (JsonNode)c)]);
            process["capabilities"] = new JsonObject
            {
                ["bounding"] = all.DeepClone(), ["effective"] = all.DeepClone(), ["permitted"] = all.DeepClone(),
            };
        }
        return JsonSerializer.SerializeToElement(process);
    }
}
