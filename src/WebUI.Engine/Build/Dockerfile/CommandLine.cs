namespace WebUI.Engine.Build.Dockerfile;

/// <summary>The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD.</summary>
/// <param name="Args">Exec form: the JSON array. Shell form: one element, the command text.</param>
/// <param name="PrependShell">True for shell form: the stage's SHELL (default <c>/bin/sh -c</c>) goes in front.</param>
internal sealed record CommandLine(IReadOnlyList<string> Args, bool PrependShell)
{
    public static readonly IReadOnlyList<string> DefaultShell = ["/bin/sh", "-c"];

    public bool IsExecForm => !PrependShell;

    /// <summary>The argv to run or store in the image config: shell form becomes <paramref name="shell"/> + the text.</summary>
    public IReadOnlyList<string> ToArgv(IReadOnlyList<string>? shell = null) =>
        PrependShell ? [.. shell ?? DefaultShell, .. Args] : Args;
}
