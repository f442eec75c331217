namespace WebUI.Engine.Build.Dockerfile;

/// <summary>ENV a=b c=d, or the legacy ENV a b (one variable, the rest of the line its value).</summary>
internal sealed record EnvInstruction(int Line, string Original, IReadOnlyList<KeyValue> Variables) : Instruction(Line, Original)
{
    public override string Keyword => "ENV";
}
