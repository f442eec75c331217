namespace WebUI.Engine.Runtime;

/// <summary>Exit code and output of a helper process (runc, conmon).</summary>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The most useful line to show a user: runc's last stderr line, without its log prefix.</summary>
    public string Message
    {
        get
        {
            var text = (Stderr.Length > 0 ? Stderr : Stdout).Trim();
            var last = text.Split('\n').LastOrDefault(l => l.Trim().Length > 0) ?? "";
            return last.Length > 0 ? last.Trim() : $"exit status {ExitCode}";
        }
    }
}
