namespace WebUI.Engine.Build.Dockerfile;

/// <summary>EXPOSE port[/proto] ...</summary>
internal sealed record ExposeInstruction(int Line, string Original, IReadOnlyList<string> Ports) : Instruction(Line, Original)
{
    public override string Keyword => "EXPOSE";
}
