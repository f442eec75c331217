using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Containers;

// Exit handling, live restore and the helpers they share with the commands.
internal sealed partial class ContainerService
{
    /// <summary>Live restore: re-reads every container, settles those that ended while the engine was down, watches the rest.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        runtime.EnsureDirectories();
        // Directories of containers removed before a crash or shutdown, whose files were still being deleted.
        Storage.DeferredDelete.Sweep(Paths.TempRoot, Runtime.RuntimePaths.RemovedPrefix);
        var brokenRecords = store.Load().ToList();
        foreach (var broken in brokenRecords) LogBrokenRecord(logger, broken);
        await RepairCreatesAsync(brokenRecords, cancellationToken);
        foreach (var record in store.All())
        {
            Live(record.Id);
            if (record.State.Running) await ReconcileAsync(record, cancellationToken);
            else UnmountRootfs(record.Id);
        }
        exitWatcher.Start(OnExitFile, () => store.All().Where(c => c.State.Running).Select(c => c.Id));
        foreach (var record in store.All().Where(c => !c.State.Running && c.HostConfig.AutoRemove && c.State.StartedAt != default))
            await RemoveAsync(record.Id, force: false, removeVolumes: true, cancellationToken);
        await ApplyRestartPoliciesAtStartAsync(cancellationToken);
        foreach (var record in store.All().Where(c => c.State.Running))
        {
            // An adopted run has not ended: stop and kill wait on this until the exit watcher reports it.
            var live = Live(record.Id);
            if (live.Exited.Task.IsCompleted) live.Exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            StartHealthMonitor(record, live, adopted: true);
        }
    }

    /// <summary>Brings a record that says "running" in line with reality: an exit file or a vanished container ends the run.</summary>
    private async Task ReconcileAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        if (runtime.ReadExitCode(record.Id) is not null) { await HandleExitAsync(record.Id); return; }
        var state = await runtime.StateAsync(record.Id, cancellationToken);
        if (state is { Status: "running" or "paused" or "created" } && Sys.ProcessExists(runtime.ConmonPid(record.Id)))
        {
            // Still running, with its conmon: the rootfs mount lives in the host's mount table, so nothing to re-mount.
            LogAdopted(logger, record.Id, state.Pid);
            // The volume service keeps its users in memory: register this container's use again.
            foreach (var m in record.MountPoints.Where(m => m.Type == "volume"))
                await volumes.MountAsync(m.Name, record.Id, cancellationToken);
            return;
        }
        // conmon is gone (killed, or the host rebooted) and left no exit code: the run ended without one.
        await HandleExitAsync(record.Id, fallbackCode: 255, error: "container exited while its monitor was not running");
    }

    private void OnExitFile(string id) => _ = Task.Run(async () =>
    {
        try { await HandleExitAsync(id); }
        catch (Exception e) { LogExitHandlingFailed(logger, id, e); }
    });

    private async Task HandleExitAsync(string id, int? fallbackCode = null, string? error = null)
    {
        var record = store.TryGet(id);
        if (record is null || record.Id != id) return;
        var live = Live(id);
        await live.Lock.WaitAsync();
        try
        {
            if (!record.State.Running || live.Removed) return;
            var code = runtime.ReadExitCode(id) ?? fallbackCode;
            if (code is null) return;
            StopHealthMonitor(live);
            // Read before runc delete removes the cgroup that counts OOM kills.
            var oomKilled = OomKilled(record);
            // runc delete runs beside the rest and is not waited for: nothing here needs it, the next start waits for
            // it, and a removed container's id never comes back. A --rm container's network and mounts go with its
            // removal right below, in one pass, and its runc delete after the removal's answer (no process competing
            // for the CPU with the removal that `docker run --rm` waits for).
            if (!record.HostConfig.AutoRemove)
            {
                live.RuntimeDeletion = DeleteRuntimeStateAsync(id);
                var teardown = networks.TearDownAsync(id, CancellationToken.None);
                UnmountRootfs(id);
                await ReleaseMountsAsync(record);
                await teardown;
            }
            var now = time.GetUtcNow();
            var ran = now - record.State.StartedAt;
            record.State = record.State with
            {
                Status = ContainerStatus.Exited, Running = false, Paused = false, Pid = 0, ExitCode = code.Value, Error = error ?? "",
                FinishedAt = now, OOMKilled = oomKilled,
            };
            if (oomKilled) Publish(record, "oom");
            var restart = ShouldRestart(record);
            if (restart) record.State = record.State with { Status = ContainerStatus.Restarting, Restarting = true };
            // A --rm container's record is deleted right below: writing its exit first would cost an fsync pair for
            // nothing. A crash in between leaves it "running" with an exit file, which the next start settles and removes.
            if (!record.HostConfig.AutoRemove) store.Save(record);
            LogExited(logger, id, code.Value);
            Publish(record, "die", new Dictionary<string, string> { ["exitCode"] = code.Value.ToString() });
            live.Exited.TrySetResult();
            CompleteWaiters(live, new WaitResult(code.Value, null), WaitCondition.NotRunning, WaitCondition.NextExit);

            if (restart) ScheduleRestart(record, live, ran);
            else if (record.HostConfig.AutoRemove) await RemoveLockedAsync(record, live, removeVolumes: true);
        }
        finally
        {
            live.Lock.Release();
        }
    }

    /// <summary>runc delete for a run that ended; failures are logged by the runtime, never thrown at the exit handler.</summary>
    private async Task DeleteRuntimeStateAsync(string id)
    {
        try { await runtime.DeleteAsync(id, force: true, CancellationToken.None); }
        catch (Exception e) when (e is EngineException or IOException) { LogExitHandlingFailed(logger, id, e); }
    }

    /// <summary>
    /// Mounts the container's rootfs at bundle/rootfs. A <paramref name="volatileUpper"/> overlay (a --rm container's:
    /// its writable layer is thrown away after one run) skips every sync to the upper layer, the one at unmount
    /// included, as Podman does for --rm; a kernel without overlay's "volatile" (before 5.10) gets a plain mount. Such a
    /// layer is never mounted again (overlay would refuse: the container is removed after its one run).
    /// </summary>
    private void MountRootfs(string id, bool volatileUpper)
    {
        var target = Paths.RootfsDir(id);
        Directory.CreateDirectory(target);
        UnmountRootfs(id);
        var m = snapshots.Mounts(id)[0];
        if (m.Type == "bind") { Sys.mount(m.Source, target, null, Sys.MS_BIND, null); return; }
        var options = string.Join(',', m.Options);
        if (volatileUpper)
        {
            try { Sys.mount(m.Source, target, m.Type, 0, options + ",volatile"); return; }
            catch (LinuxException e) when (e.Errno == 22) { }
        }
        Sys.mount(m.Source, target, m.Type, 0, options);
    }

    private void UnmountRootfs(string id)
    {
        var target = Paths.RootfsDir(id);
        // Every layer of a stale mount goes (EINVAL: nothing mounted there; ENOENT: no directory).
        for (var i = 0; i < 8; i++)
        {
            try { Sys.umount2(target, Sys.MNT_DETACH); }
            catch (LinuxException e) when (e.Errno is 22 or 2) { return; }
        }
    }

    private void WriteEtcFiles(ContainerRecord record)
    {
        var hostname = record.Config.Hostname;
        File.WriteAllText(record.HostnamePath, hostname + "\n");
        var hosts = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";
        if (!Runtime.NetworkModes.IsHost(record.HostConfig.NetworkMode)) hosts += $"127.0.1.1\t{hostname}\n";
        else if (File.Exists("/etc/hosts")) hosts = File.ReadAllText("/etc/hosts");
        File.WriteAllText(record.HostsPath, hosts);
        var resolv = File.Exists("/etc/resolv.conf") ? File.ReadAllText("/etc/resolv.conf") : "";
        File.WriteAllText(record.ResolvConfPath, resolv);
    }

    private static void CompleteWaiters(LiveContainer live, WaitResult result, params WaitCondition[] conditions)
    {
        List<TaskCompletionSource<WaitResult>> done;
        lock (live.Gate)
        {
            done = [.. live.Waiters.Where(w => conditions.Contains(w.Condition)).Select(w => w.Result)];
            live.Waiters.RemoveAll(w => conditions.Contains(w.Condition));
        }
        foreach (var t in done) t.TrySetResult(result);
    }

    private static void AbandonPending(LiveContainer live)
    {
        List<ContainerAttachment> pending;
        lock (live.Gate) { pending = [.. live.PendingAttachments]; live.PendingAttachments.Clear(); }
        foreach (var a in pending) a.Abandon();
    }

    private void Publish(ContainerRecord record, string action, Dictionary<string, string>? extra = null)
    {
        var attributes = new Dictionary<string, string>(record.Config.Labels ?? [])
        {
            ["image"] = record.Config.Image,
            ["name"] = record.Name.TrimStart('/'),
        };
        foreach (var (k, v) in extra ?? []) attributes[k] = v;
        events.Publish(new EngineEvent("container", action, record.Id, attributes, time.GetUtcNow()));
    }

    private static async Task<bool> Completes(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException) { return false; }
    }

    private static void TryDeleteDirectory(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
    }
}
