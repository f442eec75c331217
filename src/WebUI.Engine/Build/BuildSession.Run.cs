using System.Text;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Commit;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build;

// RUN: a container on the stage's image, its output streamed, its upper directory committed as the step's layer.
internal sealed partial class BuildSession
{
    private async Task RunAsync(StageState state, EvaluatedStep step, RunInstruction run, CancellationToken cancellationToken)
    {
        if (run.Mounts.Count > 0) throw EngineException.Invalid("the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
        if (run.Network is not null) throw EngineException.Invalid("the --network option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
        if (run.Security is not null) throw EngineException.Invalid("the --security option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");

        var heredoc = HeredocCommand.For(run);
        var argv = heredoc.Command.ToArgv(state.Spec.Config.Shell).ToList();
        // Build args reach RUN as environment variables (ENV wins); Docker records them in front of the command.
        var args = step.Args.Where(a => !step.Env.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var recorded = args.Where(a => !PredefinedArgs.Names.Contains(a.Key)).ToList();
        // With heredocs the recorded command carries their bodies, so editing one misses the cache.
        var command = string.Join(' ', new CommandLine([heredoc.Text], run.Command.PrependShell).ToArgv(state.Spec.Config.Shell));
        var createdBy = recorded.Count == 0 ? command : $"|{recorded.Count} {string.Join(' ', recorded.Select(a => a.Key + "=" + a.Value))} {command}";
        if (await TryCacheAsync(state, createdBy, cancellationToken)) return;
        if (state.Image is null)
            throw EngineException.Invalid($"The command '{command}' cannot run: the stage is FROM scratch and has no files yet");

        var request = new ContainerCreateRequest
        {
            Image = state.Image.Id,
            Cmd = argv,
            Entrypoint = [""],
            Env = ContainerConfigMerger.MergeEnv(state.Spec.Config.Env, args.Select(a => a.Key + "=" + a.Value).ToList()),
            User = state.Spec.Config.User ?? "",
            WorkingDir = state.Spec.Config.WorkingDir ?? "",
            HostConfig = new HostConfig
            {
                NetworkMode = string.IsNullOrEmpty(options.NetworkMode) ? "default" : options.NetworkMode,
                Binds = heredoc.Script is { } script ? [WriteScript(script) + ":" + heredoc.ScriptPath + ":ro"] : null,
            },
        };
        var created = await containers.CreateAsync(request, null, cancellationToken);
        var id = created.Id;
        var keep = !options.Remove && !options.ForceRemove;
        var removed = false;
        try
        {
            await EmitAsync($" ---> Running in {id[..12]}\n", cancellationToken);
            var wait = containers.WaitAsync(id, WaitCondition.NextExit, cancellationToken);
            await containers.StartAsync(id, cancellationToken);
            var decoder = Encoding.UTF8.GetDecoder();
            await foreach (var entry in containers.LogsAsync(id, new LogOptions { Follow = true }, cancellationToken))
            {
                var chars = new char[decoder.GetCharCount(entry.Data.Span, flush: false)];
                decoder.GetChars(entry.Data.Span, chars, flush: false);
                if (chars.Length > 0) await EmitAsync(new string(chars), cancellationToken);
            }
            var result = await wait;
            if (result.StatusCode != 0)
                throw new EngineException(ErrorKind.InvalidArgument, $"The command '{command}' returned a non-zero code: {result.StatusCode}");

            var spec = NextSpec(state, createdBy, emptyLayer: false);
            var layer = await layers.CommitAsync(snapshots.UpperDirOf(id), state.Image.TopChainId, takeDirectory: !keep, LayerDiff.ContainerMountPoints, cancellationToken);
            var image = await RegisterAsync(state, spec, layer, createdBy, cancellationToken);
            if (!keep)
            {
                await containers.RemoveAsync(id, force: true, removeVolumes: true, CancellationToken.None);
                removed = true;
                await EmitAsync($" ---> Removed intermediate container {id[..12]}\n", cancellationToken);
            }
            await EmitAsync($" ---> {ShortId(image)}\n", cancellationToken);
        }
        finally
        {
            // A failed or cancelled step's container goes too, unless the user asked to keep intermediate containers.
            if (!keep && !removed)
            {
                try { await containers.RemoveAsync(id, force: true, removeVolumes: true, CancellationToken.None); }
                catch (EngineException e) when (e.Kind == ErrorKind.NotFound) { }
            }
        }
    }

    /// <summary>A "#!" heredoc as an executable file (0755, as BuildKit makes it) in the build's temp directory, bound read-only into the RUN container.</summary>
    private string WriteScript(Heredoc script)
    {
        var dir = Path.Combine(tempDir, "heredoc-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, script.Name);
        File.WriteAllText(path, script.Content);
        File.SetUnixFileMode(path, (UnixFileMode)0x1ed);
        return path;
    }
}
