namespace WebUI.Engine.Build.Dockerfile;

/// <summary>RUN in shell or exec form, with its heredocs and --mount/--network/--security flags.</summary>
internal sealed record RunInstruction(int Line, string Original, CommandLine Command, IReadOnlyList<Heredoc> Heredocs, IReadOnlyList<RunMount> Mounts, string? Network, string? Security) : Instruction(Line, Original)
{
    public override string Keyword => "RUN";
}
