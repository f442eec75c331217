namespace WebUI.Engine.Build.Dockerfile;

/// <summary>CMD in shell or exec form.</summary>
internal sealed record CmdInstruction(int Line, string Original, CommandLine Command) : Instruction(Line, Original)
{
    public override string Keyword => "CMD";
}
