using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Images;
using WebUI.Engine.Runtime;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Containers;

/// <summary>
/// The container service: create / start / stop / kill / remove / wait with Docker's rules, over conmon + runc.
/// Start, exit handling and removal of one container are serialized by its lock; stop and kill only signal and then
/// wait for the exit the watcher reports, so they never hold the lock the exit handler needs.
/// </summary>
internal sealed partial class ContainerService(
    ContainerStore store,
    ConmonRuntime runtime,
    ExitWatcher exitWatcher,
    IImageService images,
    ISnapshotter snapshots,
    Networks.INetworkManager networks,
    IEventBus events,
    Security.SeccompProfiles seccompProfiles,
    Volumes.IVolumeService volumes,
    Security.Admission.IContainerAdmission admission,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ContainerService> logger) : IContainerService, IImageUsage
{
    private readonly ConcurrentDictionary<string, LiveContainer> _live = new(StringComparer.Ordinal);
    private RuntimePaths Paths => runtime.Paths;

    private LiveContainer Live(string id) => _live.GetOrAdd(id, _ => new LiveContainer());

    public ContainerRecord Get(string idOrName) => store.Get(idOrName);

    public async Task<ContainerCreateResult> CreateAsync(ContainerCreateRequest request, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Image)) throw EngineException.Invalid("Config.Image is required");
        admission.AdmitCreate(request);
        var host = request.HostConfig ?? new HostConfig();
        if (string.IsNullOrEmpty(host.NetworkMode) || host.NetworkMode == "default") host.NetworkMode = "bridge";
        if (string.IsNullOrEmpty(host.RestartPolicy.Name)) host.RestartPolicy.Name = "no";
        if (host.AutoRemove && host.RestartPolicy.Name is not ("no" or ""))
            throw EngineException.Invalid("can't create 'AutoRemove' container with restart policy");
        if (host.RestartPolicy.Name is not ("no" or "always" or "unless-stopped" or "on-failure"))
            throw EngineException.Invalid($"invalid restart policy '{host.RestartPolicy.Name}'");
        if (host.LogConfig.Type is "" ) host.LogConfig.Type = "json-file";
        if (host.LogConfig.Type != "json-file")
            throw EngineException.Invalid($"log driver \"{host.LogConfig.Type}\" is not supported: use json-file");
        var image = await images.GetAsync(request.Image, cancellationToken);
        var config = ContainerConfigMerger.Merge(request, image.Spec.Config);
        var (path, args) = ContainerConfigMerger.Process(config);
        OciSpecBuilder.Validate(config, host);
        var endpoints = Networks.NetworkingConfigReader.Read(request.NetworkingConfig);
        ResourcesBuilder.ApplyDefaults(host);
        var warnings = BlockIo.DiscardUnsupported(host);
        if (host.Init == true) InitBinary.Find(options.Value.InitPath);
        foreach (var from in host.VolumesFrom ?? []) store.Get(from.Split(':')[0]);

        var id = ContainerNames.NewId();
        string fullName;
        if (name is { Length: > 0 })
        {
            fullName = ContainerNames.Normalize(name);
            store.ReserveName(fullName, id);
        }
        else
        {
            var attempt = 0;
            do fullName = ContainerNames.Generate(attempt++);
            while (!store.TryReserveName(fullName, id));
        }

        if (string.IsNullOrEmpty(config.Hostname))
            config.Hostname = NetworkModes.IsHost(host.NetworkMode) ? Linux.HostFacts.HostName : id[..12];

        var volumesBefore = volumes.List(new Dictionary<string, IReadOnlyList<string>>()).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        List<MountPoint> mountPoints;
        try
        {
            mountPoints = await MountPlanner.PlanAsync(host, config, store.Get, volumes, cancellationToken);
        }
        catch
        {
            store.ReleaseName(fullName, id);
            throw;
        }

        var record = new ContainerRecord
        {
            Id = id,
            Name = fullName,
            Created = time.GetUtcNow(),
            Image = image.Id,
            Path = path,
            Args = args,
            Config = config,
            HostConfig = host,
            LogPath = Paths.LogFile(id),
            HostnamePath = Paths.HostnameFile(id),
            HostsPath = Paths.HostsFile(id),
            ResolvConfPath = Paths.ResolvConfFile(id),
            MountPoints = mountPoints,
            CreateEndpoints = endpoints,
        };
        Task snapshot = Task.CompletedTask, recorded = Task.CompletedTask;
        try
        {
            Directory.CreateDirectory(Paths.RootfsDir(id));
            // The writable layer, the network sandbox and the container record are independent, and each commits its
            // own file (an fsync pair): all three are written in one round, side by side. A crash between them leaves
            // a record without its layer or sandbox, which RestoreAsync makes again, or a layer or sandbox without a
            // record, which it removes. The container becomes visible only once all three have ended.
            snapshot = Task.Run(() => snapshots.PrepareAsync(id, image.TopChainId, cancellationToken), CancellationToken.None);
            recorded = Task.Run(() => { WriteEtcFiles(record); store.Save(record); }, CancellationToken.None);
            var sandbox = networks.ConfigureContainerAsync(NetworkRequest(record, endpoints), cancellationToken);
            await Task.WhenAll(snapshot, sandbox, recorded);
            store.Remember(record);
        }
        catch
        {
            try { await Task.WhenAll(snapshot, recorded); } catch (Exception e) when (e is EngineException or IOException or UnauthorizedAccessException or OperationCanceledException) { }
            // The record goes first and durably: a crash during this clean-up must not bring back a container whose
            // create was answered with an error.
            store.Delete(id);
            await networks.RemoveContainerAsync(id, CancellationToken.None);
            store.ReleaseName(fullName, id);
            await snapshots.RemoveAsync(id, CancellationToken.None);
            TryDeleteDirectory(Paths.ContainerDir(id));
            await DiscardPlannedVolumesAsync(mountPoints, volumesBefore);
            throw;
        }
        Live(id);
        Publish(record, "create");
        LogCreated(logger, id, fullName, record.Config.Image);
        return new ContainerCreateResult(id, warnings);
    }

    public async Task StartAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (live.Removed) throw EngineException.NotFound($"No such container: {idOrName}");
            if (record.State.Running) throw EngineException.NotModified($"Container {record.Id} is already running");
            try
            {
                await StartLockedAsync(record, live, cancellationToken);
            }
            catch (EngineException) when (record.HostConfig.AutoRemove && !record.State.Running)
            {
                // Docker: a --rm container that cannot start is removed, so `docker run --rm` waiting for "removed" ends.
                await RemoveLockedAsync(record, live, removeVolumes: true);
                throw;
            }
        }
        finally
        {
            live.Lock.Release();
        }
    }

    private async Task StartLockedAsync(ContainerRecord record, LiveContainer live, CancellationToken cancellationToken)
    {
        var id = record.Id;
        // A run leaves runc state and conmon files behind until its exit is handled; clear them for the new run.
        await live.RuntimeDeletion;
        await runtime.DeleteAsync(id, force: true, CancellationToken.None);
        runtime.RemoveExecState(id);
        File.Delete(Path.Combine(Paths.BundleDir(id), "oom"));
        try
        {
            // The network attaches (CNI plugins) while the rootfs is mounted and runc creates the container.
            var network = await networks.SetUpAsync(id, record.HostsPath, record.ResolvConfPath, cancellationToken);
            MountRootfs(id, volatileUpper: record.HostConfig.AutoRemove);
            var rootfs = Paths.RootfsDir(id);
            var host = record.HostConfig;
            var user = UserResolver.Resolve(record.Config.User, rootfs);
            if (host.GroupAdd is { Count: > 0 })
                user = user with { AdditionalGids = [.. user.AdditionalGids.Union(UserResolver.ResolveGroups(host.GroupAdd, rootfs))] };
            if (!string.IsNullOrEmpty(record.Config.WorkingDir))
                Security.WorkingDirRule.Check(record.Config.WorkingDir, RootPath.Resolve(rootfs, record.Config.WorkingDir));
            var security = Security.SecurityOptions.Parse(host.SecurityOpt);
            var caps = Security.Capability.Resolve(host.Privileged, host.CapAdd, host.CapDrop);
            var inputs = new SpecInputs
            {
                Seccomp = seccompProfiles.For(security.Seccomp, host.Privileged, [.. caps]),
                Mounts = await PrepareMountsAsync(record, cancellationToken),
                InitPath = host.Init == true ? InitBinary.Find(options.Value.InitPath) : null,
                NetnsPath = network.NetnsPath,
            };
            var spec = OciSpecBuilder.Build(record, user,
                new OciSpecBuilder.EtcFiles(record.HostnamePath, record.HostsPath, record.ResolvConfPath),
                ConmonRuntime.CgroupPath(id), inputs);
            // Rewritten at every start and read only by runc right below: no fsync/rename needed for crash safety.
            File.WriteAllBytes(Paths.SpecFile(id), JsonSerializer.SerializeToUtf8Bytes(spec));

            var creating = runtime.CreateAsync(id, record.Config.Tty, record.Config.OpenStdin, record.Config.StdinOnce, cancellationToken);
            // Network first: its error (a taken port) is the one to report when runc then fails in a torn-down namespace.
            await Task.WhenAll(network.Attached, creating);
            var pid = await creating;

            // Attach sessions waiting for this start connect now, before the process runs, so they see all its output.
            List<ContainerAttachment> pending;
            lock (live.Gate) { pending = [.. live.PendingAttachments]; live.PendingAttachments.Clear(); }
            await Task.WhenAll(pending.Select(a => a.ConnectAsync(Paths.AttachSocket(id), cancellationToken)));

            live.Exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await StartAndRecordAsync(record, pid, cancellationToken);
            Publish(record, "start");
            LogStarted(logger, id, pid);
            StartHealthMonitor(record, live);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await runtime.DeleteAsync(id, force: true, CancellationToken.None);
            await networks.TearDownAsync(id, CancellationToken.None);
            UnmountRootfs(id);
            await ReleaseMountsAsync(record);
            var message = e.Message;
            var code = message.Contains("executable file not found", StringComparison.Ordinal) || message.Contains("no such file or directory", StringComparison.Ordinal) ? 127
                : message.Contains("permission denied", StringComparison.Ordinal) ? 126 : 128;
            record.State = record.State with
            {
                Status = record.State.StartedAt == default ? ContainerStatus.Created : ContainerStatus.Exited,
                Running = false, Pid = 0, ExitCode = code, Error = message, FinishedAt = time.GetUtcNow(),
            };
            store.Save(record);
            live.Exited.TrySetResult();
            AbandonPending(live);
            CompleteWaiters(live, new WaitResult(code, message), WaitCondition.NotRunning, WaitCondition.NextExit);
            if (e is EngineException) throw;
            throw new EngineException(ErrorKind.Internal, message, e);
        }
    }

    /// <summary>
    /// The start (runc's exec fifo, or `runc start`) and the durable "running" record side by side: each takes
    /// milliseconds and neither needs the other (the exit handler waits for the container's lock, so it sees the record
    /// only once both are done). If the start fails, the record is put back as it was before the caller records the failure.
    /// </summary>
    private async Task StartAndRecordAsync(ContainerRecord record, int pid, CancellationToken cancellationToken)
    {
        var before = (record.State, record.ManuallyStopped);
        record.ManuallyStopped = false;
        record.State = record.State with
        {
            Status = ContainerStatus.Running, Running = true, Restarting = false, Paused = false, Dead = false,
            Pid = pid, ExitCode = 0, Error = "", OOMKilled = false, StartedAt = time.GetUtcNow(),
        };
        var saved = Task.Run(() => store.Save(record), CancellationToken.None);
        try
        {
            await runtime.StartAsync(record.Id, cancellationToken);
        }
        catch
        {
            try { await saved; } catch (IOException) { }
            (record.State, record.ManuallyStopped) = before;
            throw;
        }
        await saved;
    }

    public async Task StopAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (await StopRestartingAsync(record, cancellationToken)) return;
        if (!record.State.Running) throw EngineException.NotModified($"Container {record.Id} is not running");
        await StopCoreAsync(record, timeoutSeconds, signal, cancellationToken);
        Publish(record, "stop");
    }

    private async Task StopCoreAsync(ContainerRecord record, int? timeoutSeconds, string? signal, CancellationToken cancellationToken)
    {
        var live = Live(record.Id);
        var exited = live.Exited.Task;
        record.ManuallyStopped = true;
        var sig = Signals.Parse(signal ?? record.Config.StopSignal ?? "SIGTERM");
        var timeout = timeoutSeconds ?? record.Config.StopTimeout ?? options.Value.DefaultStopTimeoutSeconds;
        LogStopping(logger, record.Id, sig, timeout);
        if (await runtime.KillAsync(record.Id, sig, cancellationToken))
        {
            Publish(record, "kill", new Dictionary<string, string> { ["signal"] = sig.ToString() });
            await ThawAfterSignalAsync(record, cancellationToken);
            if (timeout < 0) { await exited.WaitAsync(cancellationToken); return; }
            if (await Completes(exited, TimeSpan.FromSeconds(timeout), cancellationToken)) return;
        }
        if (await runtime.KillAsync(record.Id, Signals.SIGKILL, cancellationToken))
        {
            Publish(record, "kill", new Dictionary<string, string> { ["signal"] = Signals.SIGKILL.ToString() });
            await ThawAfterSignalAsync(record, cancellationToken);
        }
        // The exit file shows up within milliseconds of SIGKILL; a conmon that died meanwhile gets a state check instead.
        if (!await Completes(exited, TimeSpan.FromSeconds(30), cancellationToken))
            await ReconcileAsync(record, cancellationToken);
    }

    public async Task KillAsync(string idOrName, string? signal, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (!record.State.Running) throw EngineException.Conflict($"Container {record.Id} is not running");
        var sig = Signals.Parse(string.IsNullOrEmpty(signal) ? "KILL" : signal);
        if (sig == Signals.SIGKILL) record.ManuallyStopped = true;
        var exited = Live(record.Id).Exited.Task;
        if (!await runtime.KillAsync(record.Id, sig, cancellationToken))
            throw EngineException.Conflict($"Container {record.Id} is not running");
        Publish(record, "kill", new Dictionary<string, string> { ["signal"] = sig.ToString() });
        await ThawAfterSignalAsync(record, cancellationToken);
        // As dockerd: after SIGKILL the answer waits (briefly) for the exit, so the next command sees a stopped container.
        if (sig == Signals.SIGKILL) await Completes(exited, TimeSpan.FromSeconds(10), cancellationToken);
    }

    public async Task RestartAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        await StopRestartingAsync(record, cancellationToken);
        if (record.State.Running) await StopCoreAsync(record, timeoutSeconds, signal, cancellationToken);
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (live.Removed) throw EngineException.NotFound($"No such container: {idOrName}");
            if (!record.State.Running) await StartLockedAsync(record, live, cancellationToken);
        }
        finally
        {
            live.Lock.Release();
        }
        Publish(record, "restart");
    }

    public async Task RemoveAsync(string idOrName, bool force, bool removeVolumes, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        // A restart the policy has scheduled is called off first, so it cannot bring the container back meanwhile.
        if (force) await StopRestartingAsync(record, cancellationToken);
        if (record.State.Running)
        {
            if (!force)
                throw EngineException.Conflict($"cannot remove container \"{record.Name}\": container is running: stop the container before removing or force remove");
            record.ManuallyStopped = true;
            var exited = live.Exited.Task;
            await runtime.KillAsync(record.Id, Signals.SIGKILL, cancellationToken);
            await ThawAfterSignalAsync(record, cancellationToken);
            if (!await Completes(exited, TimeSpan.FromSeconds(30), cancellationToken))
                await ReconcileAsync(record, cancellationToken);
        }
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            // With --rm the exit handler may have removed it meanwhile: that is the removal asked for.
            if (live.Removed) return;
            if (record.State.Restarting && !force)
                throw EngineException.Conflict($"cannot remove container \"{record.Name}\": container is restarting: stop the container before removing or force remove");
            CancelRestartLocked(record, live);
            if (record.State.Running) throw EngineException.Conflict($"cannot remove container \"{record.Name}\": container is running");
            await RemoveLockedAsync(record, live, removeVolumes);
        }
        finally
        {
            live.Lock.Release();
        }
    }

    private async Task RemoveLockedAsync(ContainerRecord record, LiveContainer live, bool removeVolumes)
    {
        var id = record.Id;
        // What another container or command could meet goes before the answer: the network sandbox (addresses, ports),
        // the rootfs mount, volumes, the snapshot's index entry, the record. What only takes disk space (runc's state
        // and cgroup, conmon's files, the writable layer's and the container directory's files) goes after the waiters
        // have their answer (FinishRemovalAsync); the id is never used again, and the next start sweeps leftovers.
        var network = networks.RemoveContainerAsync(id, CancellationToken.None);
        UnmountRootfs(id);
        await ReleaseMountsAsync(record);
        // Out of the snapshot index at once; the index file (an fsync pair) is written after the answer.
        var index = snapshots.Release(id);
        await network;
        ForgetExecs(id);
        // The record file moves with its directory: from here on a restart no longer knows the container.
        var files = Storage.DeferredDelete.Directory(Paths.ContainerDir(id), Paths.RemovedContainerDir(id));
        store.Remove(record);
        if (removeVolumes) await RemoveAnonymousVolumesAsync(record);
        live.Removed = true;
        live.Exited.TrySetResult();
        AbandonPending(live);
        Publish(record, "destroy");
        LogRemoved(logger, id);
        CompleteWaiters(live, new WaitResult(record.State.ExitCode, null), WaitCondition.NotRunning, WaitCondition.NextExit, WaitCondition.Removed);
        _live.TryRemove(id, out _);
        _ = FinishRemovalAsync(id, live.RuntimeDeletion, index, files);
    }

    /// <summary>The disk-only part of a removal, after its answer: the snapshot index file, runc delete (unless the exit handler runs it), conmon's files, the directory's files.</summary>
    private async Task FinishRemovalAsync(string id, Task runtimeDeletion, Task index, Task files)
    {
        await Task.Yield();
        await (runtimeDeletion.IsCompleted ? DeleteRuntimeStateAsync(id) : runtimeDeletion);
        try
        {
            await index;
            runtime.RemoveExecState(id);
            await files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { LogRemovalCleanupFailed(logger, id, e); }
    }

    public Task<WaitResult> WaitAsync(string idOrName, WaitCondition condition, CancellationToken cancellationToken)
    {
        // No await before the waiter is in the list: the Docker API answers the client's headers right after this
        // returns, and the client may then start the container at once.
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        var tcs = new TaskCompletionSource<WaitResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (live.Gate)
        {
            if (live.Removed) return Task.FromResult(new WaitResult(record.State.ExitCode, null));
            if (condition == WaitCondition.NotRunning && !record.State.Running)
                return Task.FromResult(new WaitResult(record.State.ExitCode, null));
            live.Waiters.Add((condition, tcs));
        }
        if (!cancellationToken.CanBeCanceled) return tcs.Task;
        var registration = cancellationToken.Register(() =>
        {
            lock (live.Gate) live.Waiters.RemoveAll(w => w.Result == tcs);
            tcs.TrySetCanceled(cancellationToken);
        });
        _ = tcs.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return tcs.Task;
    }

    public IReadOnlyList<ContainerRecord> List(ContainerListOptions listOptions) =>
        ContainerFilters.Apply(store, networks, [.. store.All().Where(c => Security.Admission.TeamScope.CanSee(c.Config.Labels))], listOptions);

    public IAsyncEnumerable<LogEntry> LogsAsync(string idOrName, LogOptions logOptions, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        return ContainerLogReader.ReadAsync(record.LogPath, logOptions, () => record.State.Running && !Live(record.Id).Removed, cancellationToken);
    }

    public Task<IContainerAttachment> AttachAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        Publish(record, "attach");
        ContainerAttachment? attachment = null;
        attachment = new ContainerAttachment(record.Config.Tty, a => { lock (live.Gate) live.PendingAttachments.Remove(a); });
        bool running;
        lock (live.Gate)
        {
            running = record.State.Running;
            if (!running) live.PendingAttachments.Add(attachment);
        }
        if (!running) return Task.FromResult<IContainerAttachment>(attachment);
        return ConnectNowAsync(attachment, record, cancellationToken);
    }

    private async Task<IContainerAttachment> ConnectNowAsync(ContainerAttachment attachment, ContainerRecord record, CancellationToken cancellationToken)
    {
        await attachment.ConnectAsync(Paths.AttachSocket(record.Id), cancellationToken);
        return attachment;
    }

    public async Task ResizeAsync(string idOrName, int height, int width, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (height < 0 || width < 0 || height > 1000 || width > 1000) throw EngineException.Invalid($"invalid terminal size {height}x{width}");
        if (!record.State.Running || !Linux.Sys.ProcessExists(runtime.ConmonPid(record.Id)))
            throw EngineException.Conflict($"Container {record.Id} is not running");
        if (!record.Config.Tty) return;
        await runtime.ResizeAsync(record.Id, height, width, cancellationToken);
        Publish(record, "resize", new Dictionary<string, string> { ["height"] = height.ToString(), ["width"] = width.ToString() });
    }

    public long SizeRw(string idOrName)
    {
        var record = store.Get(idOrName);
        try { return snapshots.UsageOf(record.Id); }
        catch (EngineException) { return 0; }
    }

    public IReadOnlyList<string> ContainersUsing(string imageId) =>
        [.. store.All().Where(c => c.Image == imageId).Select(c => c.Id)];

    public bool AnyRunning(string imageId) => store.All().Any(c => c.Image == imageId && c.State.Running);
}
