namespace WebUI.Engine.Build.Dockerfile;

/// <summary>WORKDIR path.</summary>
internal sealed record WorkdirInstruction(int Line, string Original, string Path) : Instruction(Line, Original)
{
    public override string Keyword => "WORKDIR";
}
