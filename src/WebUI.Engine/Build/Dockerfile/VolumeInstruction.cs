namespace WebUI.Engine.Build.Dockerfile;

/// <summary>VOLUME as a JSON array or words.</summary>
internal sealed record VolumeInstruction(int Line, string Original, IReadOnlyList<string> Paths) : Instruction(Line, Original)
{
    public override string Keyword => "VOLUME";
}
