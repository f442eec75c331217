using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Stages;

/// <summary>
/// The stages of a Dockerfile, what each is based on and needs, and the subset (in dependency order)
/// that building the target requires. Create once per build; evaluate each needed stage with its base env.
/// </summary>
internal sealed class BuildPlan
{
    private readonly ShellLexer _lexer;
    private readonly BuildPlanOptions _options;
    private readonly HashSet<string> _declaredArgs;

    private BuildPlan(ShellLexer lexer, BuildPlanOptions options, IReadOnlyDictionary<string, string> globalArgs,
        IReadOnlyList<BuildStage> stages, IReadOnlyList<StageReference> bases, IReadOnlyList<IReadOnlySet<int>> dependencies,
        BuildStage target, IReadOnlyList<BuildStage> needed, HashSet<string> declaredArgs)
    {
        _lexer = lexer;
        _options = options;
        _declaredArgs = declaredArgs;
        GlobalArgs = globalArgs;
        Stages = stages;
        Bases = bases;
        Dependencies = dependencies;
        Target = target;
        Needed = needed;
    }

    /// <summary>Values of the ARGs declared before the first FROM (plus automatic args).</summary>
    public IReadOnlyDictionary<string, string> GlobalArgs { get; }
    public IReadOnlyList<BuildStage> Stages { get; }
    /// <summary>Per stage: the expanded FROM, as an earlier stage or an image reference.</summary>
    public IReadOnlyList<StageReference> Bases { get; }
    /// <summary>Per stage: indexes of the stages it reads from (FROM, COPY --from, RUN --mount from=).</summary>
    public IReadOnlyList<IReadOnlySet<int>> Dependencies { get; }
    /// <summary>The stage --target names, or the last one.</summary>
    public BuildStage Target { get; }
    /// <summary>The stages the target needs, each after the ones it depends on; unreachable stages are left out.</summary>
    public IReadOnlyList<BuildStage> Needed { get; }

    public static BuildPlan Create(ParsedDockerfile dockerfile, BuildPlanOptions options)
    {
        var lexer = new ShellLexer(dockerfile.Escape);
        var (globals, stages) = Split(dockerfile);
        var globalArgs = new StageEvaluator(lexer, new Dictionary<string, string>(), options).EvaluateGlobals(globals);

        var bases = new List<StageReference>();
        var deps = new List<IReadOnlySet<int>>();
        // A stage's bad --from only matters if the target needs that stage, as with --target in Docker.
        var errors = new Dictionary<int, EngineException>();
        foreach (var stage in stages)
        {
            var from = (FromInstruction)InstructionExpander.Expand(stage.From, lexer, n => globalArgs.GetValueOrDefault(n));
            if (from.Image.Length == 0) throw ParseError.At(stage.From.Line, $"base name ({stage.From.Image}) should not be blank");
            var set = new HashSet<int>();
            if (FindByName(stages, from.Image, stage.Index) is { } named)
            {
                set.Add(named);
                bases.Add(StageReference.ForStage(named));
            }
            else
            {
                bases.Add(StageReference.ForImage(from.Image));
            }
            // Scanned without the base image's env (not known yet); ENV-dependent --from values are rare.
            foreach (var step in new StageEvaluator(lexer, globalArgs, options, lenient: true).Evaluate(stage, new Dictionary<string, string>()))
            {
                var refs = step.Expanded switch
                {
                    CopyInstruction { From: { } f } => [f],
                    RunInstruction r => r.Mounts.Where(m => m.From is not null).Select(m => m.From!),
                    _ => Enumerable.Empty<string>(),
                };
                foreach (var r in refs)
                {
                    try
                    {
                        if (ResolveReference(stages, r, stage.Index, step.Expanded.Line).StageIndex is { } i) set.Add(i);
                    }
                    catch (EngineException e)
                    {
                        errors.TryAdd(stage.Index, e);
                    }
                }
            }
            deps.Add(set);
        }

        var target = FindTarget(stages, options.Target);
        var neededIndexes = new SortedSet<int>();
        Visit(target.Index, deps, neededIndexes);
        foreach (var i in neededIndexes)
            if (errors.TryGetValue(i, out var error)) throw error;
        // Every dependency has a lower index than its dependant, so index order is a dependency order.
        var needed = neededIndexes.Select(i => stages[i]).ToList();
        var declared = needed.SelectMany(s => s.Instructions).OfType<ArgInstruction>().Concat(globals)
            .SelectMany(a => a.Arguments).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return new BuildPlan(lexer, options, globalArgs, stages, bases, deps, target, needed, declared);
    }

    /// <summary>Evaluates a stage given the environment of its base (the image config's Env, or the base stage's final Env).</summary>
    public IReadOnlyList<EvaluatedStep> Evaluate(BuildStage stage, IReadOnlyDictionary<string, string> baseEnv) =>
        new StageEvaluator(_lexer, GlobalArgs, _options).Evaluate(stage, baseEnv);

    /// <summary>Resolves an expanded <c>--from</c> value seen in stage <paramref name="currentStage"/>.</summary>
    public StageReference ResolveFrom(string from, int currentStage, int line) => ResolveReference(Stages, from, currentStage, line);

    /// <summary>--build-args that no ARG of the needed stages (or the globals) declared: Docker warns about these.</summary>
    public IReadOnlyList<string> UnconsumedBuildArgs() =>
        _options.BuildArgs.Keys.Where(k => !_declaredArgs.Contains(k) && !PredefinedArgs.Names.Contains(k)).Order(StringComparer.Ordinal).ToList();

    private static (List<ArgInstruction> Globals, List<BuildStage> Stages) Split(ParsedDockerfile dockerfile)
    {
        if (dockerfile.Instructions.Count == 0) throw EngineException.Invalid("file with no instructions");
        var globals = new List<ArgInstruction>();
        var stages = new List<BuildStage>();
        FromInstruction? from = null;
        var body = new List<Instruction>();
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction is FromInstruction f)
            {
                if (from is not null) stages.Add(new BuildStage(stages.Count, from.StageName, from, body));
                if (f.StageName is { } name && (stages.Any(s => s.Name == name) || from?.StageName == name))
                    throw ParseError.At(f.Line, $"duplicate stage name \"{name}\"");
                from = f;
                body = [];
            }
            else if (from is null)
            {
                if (instruction is not ArgInstruction a) throw ParseError.At(instruction.Line, "no build stage in current context");
                globals.Add(a);
            }
            else
            {
                body.Add(instruction);
            }
        }
        if (from is null) throw EngineException.Invalid("no build stage in current context");
        stages.Add(new BuildStage(stages.Count, from.StageName, from, body));
        return (globals, stages);
    }

    private static int? FindByName(IReadOnlyList<BuildStage> stages, string name, int before)
    {
        var lower = name.ToLowerInvariant();
        for (var i = before - 1; i >= 0; i--)
            if (stages[i].Name == lower) return i;
        return null;
    }

    private static StageReference ResolveReference(IReadOnlyList<BuildStage> stages, string from, int current, int line)
    {
        if (FindByName(stages, from, current) is { } named) return StageReference.ForStage(named);
        if (stages.Take(current + 1).Skip(current).Any(s => s.Name == from.ToLowerInvariant()))
            throw ParseError.At(line, $"invalid from flag value {from}: refers to the current build stage");
        if (from.Length > 0 && from.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(from, out var index) || index >= current)
                throw ParseError.At(line, $"invalid from flag value {from}: refers to current or future build stage");
            return StageReference.ForStage(index);
        }
        if (from.Length == 0) throw ParseError.At(line, "--from requires a stage name, index or image");
        return StageReference.ForImage(from);
    }

    private static BuildStage FindTarget(IReadOnlyList<BuildStage> stages, string? target)
    {
        if (string.IsNullOrEmpty(target)) return stages[^1];
        var lower = target.ToLowerInvariant();
        return stages.FirstOrDefault(s => s.Name == lower)
            ?? throw EngineException.Invalid($"failed to reach build target {target} in Dockerfile");
    }

    private static void Visit(int index, IReadOnlyList<IReadOnlySet<int>> deps, SortedSet<int> needed)
    {
        if (!needed.Add(index)) return;
        foreach (var d in deps[index]) Visit(d, deps, needed);
    }
}
