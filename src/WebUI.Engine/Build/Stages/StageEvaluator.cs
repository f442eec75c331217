using WebUI.Engine.Build.Dockerfile;

namespace WebUI.Engine.Build.Stages;

/// <summary>
/// Walks one stage's instructions, tracking ENV and ARG as Docker does, and yields each instruction expanded.
/// ENV wins over ARG; an ARG's value is the --build-arg, else its own default, else the value of the global
/// ARG of that name (a global ARG is visible in a stage only once re-declared); proxy args need no ARG.
/// </summary>
/// <remarks>
/// A lenient evaluator keeps an instruction unexpanded when its substitution fails: the plan scans stages for
/// dependencies before base images (and their Env) are known, and must not fail on <c>${GOPATH:?}</c> there.
/// </remarks>
internal sealed class StageEvaluator(ShellLexer lexer, IReadOnlyDictionary<string, string> globalArgs, BuildPlanOptions options, bool lenient = false)
{
    public IReadOnlyList<EvaluatedStep> Evaluate(BuildStage stage, IReadOnlyDictionary<string, string> baseEnv)
    {
        var env = new Dictionary<string, string>(baseEnv, StringComparer.Ordinal);
        var args = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in options.BuildArgs)
            if (value is not null && PredefinedArgs.Names.Contains(name)) args[name] = value;

        string? Lookup(string name) => env.TryGetValue(name, out var e) ? e : args.GetValueOrDefault(name);

        var steps = new List<EvaluatedStep>(stage.Instructions.Count);
        foreach (var instruction in stage.Instructions)
        {
            Instruction expanded;
            try
            {
                expanded = instruction is ArgInstruction arg ? DeclareArgs(arg, args, Lookup) : InstructionExpander.Expand(instruction, lexer, Lookup);
            }
            catch (Errors.EngineException) when (lenient)
            {
                expanded = instruction;
            }
            if (expanded is EnvInstruction e)
                foreach (var kv in e.Variables) env[kv.Key] = kv.Value;
            steps.Add(new EvaluatedStep(expanded, new Dictionary<string, string>(env, StringComparer.Ordinal),
                args.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal)));
        }
        return steps;
    }

    private ArgInstruction DeclareArgs(ArgInstruction arg, Dictionary<string, string?> args, Func<string, string?> lookup)
    {
        // Each default sees the ARGs declared before it on the same line, so expand one at a time.
        var declared = new List<ArgDeclaration>();
        foreach (var d in arg.Arguments)
        {
            string? def;
            try
            {
                def = d.Default is null ? null : lexer.ProcessWord(d.Default, lookup);
            }
            catch (Errors.EngineException e) when (!e.Message.StartsWith("dockerfile parse error", StringComparison.Ordinal))
            {
                throw ParseError.At(arg.Line, e.Message);
            }
            args[d.Name] = Resolve(d.Name, def) ?? (def is null ? globalArgs.GetValueOrDefault(d.Name) : null);
            declared.Add(d with { Default = def });
        }
        return arg with { Arguments = declared };
    }

    /// <summary>Evaluates the ARGs before the first FROM, which only FROM lines can see.</summary>
    public Dictionary<string, string> EvaluateGlobals(IEnumerable<ArgInstruction> globals)
    {
        var values = new Dictionary<string, string>(options.AutomaticArgs, StringComparer.Ordinal);
        foreach (var arg in globals)
            foreach (var d in arg.Arguments)
            {
                string? def;
                try
                {
                    def = d.Default is null ? null : lexer.ProcessWord(d.Default, n => values.GetValueOrDefault(n));
                }
                catch (Errors.EngineException e) when (!e.Message.StartsWith("dockerfile parse error", StringComparison.Ordinal))
                {
                    throw ParseError.At(arg.Line, e.Message);
                }
                if (Resolve(d.Name, def) is { } v) values[d.Name] = v;
                else values.Remove(d.Name);
            }
        return values;
    }

    private string? Resolve(string name, string? expandedDefault)
    {
        return options.BuildArgs.TryGetValue(name, out var given) && given is not null ? given : expandedDefault;
    }
}
