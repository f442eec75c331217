namespace WebUI.Engine.Build.Dockerfile;

/// <summary>ENTRYPOINT in shell or exec form.</summary>
internal sealed record EntrypointInstruction(int Line, string Original, CommandLine Command) : Instruction(Line, Original)
{
    public override string Keyword => "ENTRYPOINT";
}
