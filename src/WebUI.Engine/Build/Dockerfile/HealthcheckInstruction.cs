namespace WebUI.Engine.Build.Dockerfile;

/// <summary>HEALTHCHECK NONE (<paramref name="Command"/> null) or HEALTHCHECK [options] CMD command; unset options are null.</summary>
internal sealed record HealthcheckInstruction(
    int Line, string Original, CommandLine? Command,
    TimeSpan? Interval, TimeSpan? Timeout, TimeSpan? StartPeriod, TimeSpan? StartInterval, int? Retries)
    : Instruction(Line, Original)
{
    public override string Keyword => "HEALTHCHECK";
    public bool IsNone => Command is null;

    /// <summary>The image config's Healthcheck.Test: ["NONE"], ["CMD-SHELL", text] or ["CMD", argv...].</summary>
    public IReadOnlyList<string> Test =>
        Command is null ? ["NONE"] : Command.PrependShell ? ["CMD-SHELL", .. Command.Args] : ["CMD", .. Command.Args];
}
