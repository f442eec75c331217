using WebUI.Engine.Build.Dockerfile;

namespace WebUI.Engine.Build.Stages;

/// <summary>An instruction after variable substitution, with the variables in force for it.</summary>
/// <param name="Expanded">The instruction with its words substituted (RUN/CMD/ENTRYPOINT/ONBUILD unchanged: a shell does theirs).</param>
/// <param name="Env">The stage's environment after this step (ENV updates it).</param>
/// <param name="Args">Build args in scope after this step with a value: RUN sees them as environment variables.</param>
internal sealed record EvaluatedStep(Instruction Expanded, IReadOnlyDictionary<string, string> Env, IReadOnlyDictionary<string, string> Args);
