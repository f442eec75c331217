namespace WebUI.Engine.Build.Dockerfile;

/// <summary>ADD: COPY's flags (except --from) plus --checksum, --keep-git-dir and --unpack; sources may be URLs.</summary>
internal sealed record AddInstruction(
    int Line, string Original, IReadOnlyList<string> Sources, string Destination, IReadOnlyList<Heredoc> Heredocs,
    string? Chown, string? Chmod, bool Link, string? Checksum, bool KeepGitDir, bool? Unpack, IReadOnlyList<string> Excludes)
    : Instruction(Line, Original)
{
    public override string Keyword => "ADD";

    /// <summary>True for an http(s) URL or a git source, which the builder fetches instead of reading the context.</summary>
    public static bool IsRemote(string source) =>
        IsUrl(source) || source.StartsWith("git@", StringComparison.Ordinal) || source.StartsWith("git://", StringComparison.Ordinal);

    public static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
