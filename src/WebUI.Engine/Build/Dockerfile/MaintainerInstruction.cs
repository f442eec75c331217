namespace WebUI.Engine.Build.Dockerfile;

/// <summary>MAINTAINER name; deprecated in favour of a label but still accepted.</summary>
internal sealed record MaintainerInstruction(int Line, string Original, string Name) : Instruction(Line, Original)
{
    public override string Keyword => "MAINTAINER";
}
