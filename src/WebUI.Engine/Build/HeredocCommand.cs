using WebUI.Engine.Build.Dockerfile;

namespace WebUI.Engine.Build;

/// <summary>
/// What a RUN with heredocs runs, by BuildKit's rules. <c>RUN &lt;&lt;EOF</c> alone runs the body as the shell's
/// script, or, when the body starts with "#!", as an executable file mounted at /dev/pipes/&lt;name&gt;. Anything else
/// (<c>RUN python3 &lt;&lt;EOF</c>, several heredocs on one line) gives the line and the bodies back to the shell,
/// which then handles the here-documents itself (quoted delimiters, &lt;&lt;- included).
/// </summary>
/// <param name="Command">The shell-form command to run.</param>
/// <param name="Script">For a "#!" body: the file to mount at <see cref="ScriptPath"/>; null otherwise.</param>
/// <param name="Text">The command with its bodies as one text: what the history and the layer cache record.</param>
internal sealed record HeredocCommand(CommandLine Command, Heredoc? Script, string Text)
{
    /// <summary>Where BuildKit mounts a "#!" heredoc in the RUN container.</summary>
    public const string ScriptDirectory = "/dev/pipes/";

    public string? ScriptPath => Script is null ? null : ScriptDirectory + Script.Name;

    public static HeredocCommand For(RunInstruction run)
    {
        if (run.Heredocs.Count == 0 || !run.Command.PrependShell) return new HeredocCommand(run.Command, null, string.Join(' ', run.Command.Args));
        var line = run.Command.Args[0];
        var full = line + string.Concat(run.Heredocs.Select(h => "\n" + h.Content + h.Name));
        if (HeredocWords.TryParse(line.Trim()) is null)
            return new HeredocCommand(new CommandLine([full], true), null, full);

        var body = run.Heredocs[0];
        if (!body.Content.StartsWith("#!", StringComparison.Ordinal))
            return new HeredocCommand(new CommandLine([body.Content], true), null, full);
        if (body.Name.Contains('/') || body.Name is "." or "..")
            throw ParseError.At(run.Line, $"heredoc name \"{body.Name}\" cannot be used as a file name");
        return new HeredocCommand(new CommandLine([ScriptDirectory + body.Name], true), body, full);
    }
}
