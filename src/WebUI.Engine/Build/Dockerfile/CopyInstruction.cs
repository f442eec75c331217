namespace WebUI.Engine.Build.Dockerfile;

/// <summary>COPY [--from] [--chown] [--chmod] [--link] src... dest, shell words or JSON.</summary>
internal sealed record CopyInstruction(int Line, string Original, IReadOnlyList<string> Sources, string Destination, IReadOnlyList<Heredoc> Heredocs, string? From, string? Chown, string? Chmod, bool Link, bool Parents, IReadOnlyList<string> Excludes) : Instruction(Line, Original)
{
    public override string Keyword => "COPY";
}
