namespace WebUI.Engine.Build.Dockerfile;

/// <summary>ONBUILD wrapping the trigger instruction stored in the image for its children.</summary>
internal sealed record OnbuildInstruction(int Line, string Original, Instruction Trigger) : Instruction(Line, Original)
{
    public override string Keyword => "ONBUILD";
}
