namespace WebUI.Engine.Build.Dockerfile;

/// <summary>ARG name[=default] ...</summary>
internal sealed record ArgInstruction(int Line, string Original, IReadOnlyList<ArgDeclaration> Arguments) : Instruction(Line, Original)
{
    public override string Keyword => "ARG";
}
