namespace WebUI.Engine.Build.Dockerfile;

/// <summary>USER user[:group].</summary>
internal sealed record UserInstruction(int Line, string Original, string User) : Instruction(Line, Original)
{
    public override string Keyword => "USER";
}
