using WebUI.Engine.Build.Dockerfile;

namespace WebUI.Engine.Build.Stages;

/// <summary>One FROM and the instructions up to the next FROM, as written (not yet expanded).</summary>
/// <param name="Index">0-based position among the stages, what <c>COPY --from=0</c> refers to.</param>
/// <param name="Name">The lower-cased AS name, if any.</param>
internal sealed record BuildStage(int Index, string? Name, FromInstruction From, IReadOnlyList<Instruction> Instructions);
