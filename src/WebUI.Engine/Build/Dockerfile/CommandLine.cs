namespace WebUI.Engine.Build.Dockerfile;

/// <summary>The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD.</summary>
/// <param name="Args">Exec form: the JSON array. Shell form: one element, the command text.</param>
/// <param name="PrependShell">True for shell form: the stage's SHELL (default <c>/bin/sh -c</c>) goes in front.</param>
internal sealed record CommandLine(IReadOnlyList<string> Args, bool PrependShell)
{
    public bool IsExecForm => !PrependShell;
}
