namespace WebUI.Engine.Build.Dockerfile;

/// <summary>STOPSIGNAL signal.</summary>
internal sealed record StopSignalInstruction(int Line, string Original, string Signal) : Instruction(Line, Original)
{
    public override string Keyword => "STOPSIGNAL";
}
