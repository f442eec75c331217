namespace WebUI.Engine.Build.Dockerfile;

/// <summary>SHELL ["executable", "args"...]; JSON form only.</summary>
internal sealed record ShellInstruction(int Line, string Original, IReadOnlyList<string> Shell) : Instruction(Line, Original)
{
    public override string Keyword => "SHELL";
}
