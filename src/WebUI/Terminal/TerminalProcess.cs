using WebUI.Engine.Containers;

namespace WebUI.Terminal;

/// <summary>What a session drives: an exec'd process or the container's main process, reached the same way.</summary>
/// <param name="Attachment">Its stdio (a TTY).</param>
/// <param name="Resize">Resizes its terminal (rows, cols).</param>
/// <param name="Exit">Its exit code, once it ended.</param>
/// <param name="Hangup">Ends it when the user closes the session (exec: SIGHUP, then SIGKILL) or only detaches (attach).</param>
internal sealed record TerminalProcess(
    IContainerAttachment Attachment,
    Func<int, int, CancellationToken, Task> Resize,
    Task<int> Exit,
    Func<Task> Hangup);
