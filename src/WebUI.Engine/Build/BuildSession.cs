using System.Text.Json;
using WebUI.Engine.Build.Context;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Commit;
using WebUI.Engine.Containers;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.Layers;
using WebUI.Engine.References;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Build;

/// <summary>
/// One running build: walks the needed stages in dependency order, prints Docker's legacy-builder output, reuses
/// cached steps and commits the others (config-only steps as empty_layer history entries, RUN through a container
/// whose upper directory becomes the layer, COPY/ADD through a layer directory written directly).
/// </summary>
internal sealed partial class BuildSession(
    ImageService images,
    IImageDistribution distribution,
    IContainerService containers,
    OverlaySnapshotter snapshots,
    LayerCommitter layers,
    LayerApplier applier,
    BuildCache cache,
    HttpClient http,
    TimeProvider time,
    BuildOptions options,
    BuildContext context,
    ParsedDockerfile dockerfile,
    BuildPlan plan,
    string tempDir,
    Func<BuildMessage, CancellationToken, Task> output)
{
    private readonly Dictionary<int, StageState> _stages = [];
    private readonly ShellLexer _lexer = new(dockerfile.Escape);
    private HashSet<string>? _cacheSources;
    private int _step;
    private int _currentStage;
    private int _total;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in dockerfile.Warnings) await EmitAsync(warning.EndsWith('\n') ? warning : warning + "\n", cancellationToken);
        if (options.CacheFrom.Count > 0)
        {
            var sources = new List<string>();
            foreach (var name in options.CacheFrom)
            {
                try { sources.Add((await images.GetAsync(name, cancellationToken)).Id); }
                catch (EngineException e) when (e.Kind == ErrorKind.NotFound) { }
            }
            _cacheSources = cache.Lineage(sources);
        }
        _total = plan.Needed.Sum(s => 1 + s.Instructions.Count) + (options.Labels.Count > 0 ? 1 : 0);
        foreach (var stage in plan.Needed)
        {
            _currentStage = stage.Index;
            var state = await FromAsync(stage, cancellationToken);
            var steps = plan.Evaluate(stage, EnvOf(state.Spec.Config.Env));
            foreach (var step in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await EmitAsync($"Step {++_step}/{_total} : {step.Expanded.Original}\n", cancellationToken);
                await ExecuteAsync(state, step, cancellationToken);
            }
            if (stage == plan.Target && options.Labels.Count > 0)
            {
                var line = "LABEL " + string.Join(' ', options.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"\"{l.Key}\"=\"{l.Value}\""));
                await EmitAsync($"Step {++_step}/{_total} : {line}\n", cancellationToken);
                var label = new LabelInstruction(0, line, options.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new KeyValue(l.Key, l.Value)).ToList());
                await ExecuteAsync(state, new EvaluatedStep(label, new Dictionary<string, string>(), new Dictionary<string, string>()), cancellationToken);
            }
            _stages[stage.Index] = state;
        }
        var final = _stages[plan.Target.Index];
        if (final.Image is null) throw EngineException.Invalid("No image was generated. Is your Dockerfile empty?");
        var unused = plan.UnconsumedBuildArgs();
        if (unused.Count > 0) await EmitAsync($"[Warning] One or more build-args [{string.Join(' ', unused)}] were not consumed\n", cancellationToken);
        return final.Image.Id;
    }

    /// <summary>
    /// A FROM image: the local one, pulled when missing or when --pull asks (Docker's legacy builder does the same),
    /// with the credentials the client sent for that registry. An image id or digest that is not here is not pulled.
    /// </summary>
    private async Task<ImageRecord> BaseImageAsync(string name, CancellationToken cancellationToken)
    {
        if (!options.Pull || !ImageReference.TryParse(name, out _, out _))
        {
            try { return await images.GetAsync(name, cancellationToken); }
            catch (EngineException e) when (e.Kind == ErrorKind.NotFound && ImageReference.TryParse(name, out _, out _)) { }
        }
        var reference = ImageReference.Parse(name);
        var credentials = options.RegistryAuth.GetValueOrDefault(reference.Domain) ?? RegistryCredentials.Anonymous;
        var progress = new BuildPullProgress();
        try
        {
            await distribution.PullAsync(name, string.IsNullOrEmpty(options.Platform) ? null : options.Platform, credentials, progress, cancellationToken);
        }
        finally
        {
            foreach (var line in progress.Drain()) await EmitAsync(line, cancellationToken);
        }
        return await images.GetAsync(name, cancellationToken);
    }

    private async Task<StageState> FromAsync(BuildStage stage, CancellationToken cancellationToken)
    {
        await EmitAsync($"Step {++_step}/{_total} : {stage.From.Original}\n", cancellationToken);
        var from = (FromInstruction)InstructionExpander.Expand(stage.From, _lexer, n => plan.GlobalArgs.GetValueOrDefault(n));
        if (from.Platform is { Length: > 0 } p) CheckPlatform(p);
        var reference = plan.Bases[stage.Index];
        StageState state;
        if (reference.StageIndex is { } index)
        {
            var source = _stages[index];
            state = new StageState(source.Image, Clone(source.Spec));
        }
        else if (string.Equals(reference.Image, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            state = new StageState(null, new ImageSpec { Config = new ImageConfig() });
        }
        else
        {
            var image = await BaseImageAsync(reference.Image!, cancellationToken);
            state = new StageState(image, Clone(image.Spec));
        }
        await EmitAsync($" ---> {ShortId(state.Image)}\n", cancellationToken);

        if (state.Spec.Config.OnBuild is { Count: > 0 } triggers)
        {
            state.Spec.Config.OnBuild = null;
            await EmitAsync($"# Executing {triggers.Count} build trigger{(triggers.Count == 1 ? "" : "s")}\n", cancellationToken);
            foreach (var trigger in triggers)
            {
                var parsed = DockerfileParser.ParseTrigger(trigger);
                var env = EnvOf(state.Spec.Config.Env);
                var expanded = InstructionExpander.Expand(parsed, _lexer, n => env.GetValueOrDefault(n));
                await ExecuteAsync(state, new EvaluatedStep(expanded, env, new Dictionary<string, string>()), cancellationToken);
            }
        }
        return state;
    }

    private Task ExecuteAsync(StageState state, EvaluatedStep step, CancellationToken cancellationToken) => step.Expanded switch
    {
        RunInstruction r => RunAsync(state, step, r, cancellationToken),
        CopyInstruction c => CopyAsync(state, "COPY", c.Sources, c.Destination, c.Heredocs, c.From, c.Chown, c.Chmod, c.Link, c.Excludes, null, cancellationToken),
        AddInstruction a => CopyAsync(state, "ADD", a.Sources, a.Destination, a.Heredocs, null, a.Chown, a.Chmod, a.Link, a.Excludes, a.Checksum, cancellationToken),
        WorkdirInstruction w => WorkdirAsync(state, w, cancellationToken),
        _ => ConfigAsync(state, step, cancellationToken),
    };

    /// <summary>Reuses a cached step: true (and the stage moves on to the cached image) when one matches.</summary>
    private async Task<bool> TryCacheAsync(StageState state, string key, CancellationToken cancellationToken)
    {
        if (options.NoCache) return false;
        if (cache.Lookup(state.ParentKey, key) is not { } id) return false;
        if (_cacheSources is not null && !_cacheSources.Contains(id)) return false;
        ImageRecord image;
        try { image = await images.GetAsync(id, cancellationToken); }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound) { return false; }
        state.Image = image;
        state.Spec = Clone(image.Spec);
        await EmitAsync(" ---> Using cache\n", cancellationToken);
        await EmitAsync($" ---> {ShortId(image)}\n", cancellationToken);
        return true;
    }

    /// <summary>The next config: the stage's, with a fresh time and one more history entry.</summary>
    private ImageSpec NextSpec(StageState state, string createdBy, bool emptyLayer)
    {
        var spec = Clone(state.Spec);
        var now = time.GetUtcNow();
        spec.Created = now;
        spec.History = [.. spec.History ?? [], new HistoryEntry { Created = now, CreatedBy = createdBy, EmptyLayer = emptyLayer }];
        return spec;
    }

    /// <summary>Stores the step's image and cache entry; the stage moves on to it. The " ---> id" line is the caller's.</summary>
    private async Task<ImageRecord> RegisterAsync(StageState state, ImageSpec spec, CommittedLayer? layer, string key, CancellationToken cancellationToken)
    {
        var parentKey = state.ParentKey;
        var image = await images.RegisterChildAsync(state.Image, spec, layer, [], "", cancellationToken);
        cache.Store(parentKey, key, image.Id);
        state.Image = image;
        state.Spec = Clone(image.Spec);
        return image;
    }

    private Task EmitAsync(string text, CancellationToken cancellationToken) =>
        options.Quiet ? Task.CompletedTask : output(new BuildMessage(text), cancellationToken);

    private static string ShortId(ImageRecord? image) => image is null ? "" : Digest.Parse(image.Id).Short;

    private static ImageSpec Clone(ImageSpec spec) =>
        JsonSerializer.Deserialize<ImageSpec>(JsonSerializer.SerializeToUtf8Bytes(spec, ImageJson.Options), ImageJson.Options)!;

    private static Dictionary<string, string> EnvOf(IEnumerable<string>? env)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in env ?? [])
        {
            var i = e.IndexOf('=');
            if (i > 0) result[e[..i]] = e[(i + 1)..];
            else if (e.Length > 0) result[e] = "";
        }
        return result;
    }

    internal static void CheckPlatform(string platform)
    {
        var parts = platform.ToLowerInvariant().Split('/');
        if (parts[0] != "linux" || (parts.Length > 1 && parts[1] is not ("amd64" or "x86_64")) || parts.Length > 3)
            throw EngineException.Invalid($"\"{platform}\": unsupported platform: this engine builds linux/amd64 only");
    }
}
