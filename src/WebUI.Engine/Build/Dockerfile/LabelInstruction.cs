namespace WebUI.Engine.Build.Dockerfile;

/// <summary>LABEL k=v ..., or the legacy LABEL k v.</summary>
internal sealed record LabelInstruction(int Line, string Original, IReadOnlyList<KeyValue> Labels) : Instruction(Line, Original)
{
    public override string Keyword => "LABEL";
}
