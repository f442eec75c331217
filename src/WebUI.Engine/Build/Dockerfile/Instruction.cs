namespace WebUI.Engine.Build.Dockerfile;

/// <summary>One Dockerfile instruction, with where it came from.</summary>
/// <param name="Line">1-based line the instruction starts on.</param>
/// <param name="Original">The logical line as Docker shows it in "Step n/m : ..." (continuations joined, heredoc bodies excluded).</param>
internal abstract record Instruction(int Line, string Original)
{
    /// <summary>The upper-case instruction name, e.g. "COPY".</summary>
    public abstract string Keyword { get; }
}
