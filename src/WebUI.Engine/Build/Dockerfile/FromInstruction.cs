namespace WebUI.Engine.Build.Dockerfile;

/// <summary>FROM image [AS name], optionally --platform.</summary>
internal sealed record FromInstruction(int Line, string Original, string Image, string? StageName, string? Platform) : Instruction(Line, Original)
{
    public override string Keyword => "FROM";
}
