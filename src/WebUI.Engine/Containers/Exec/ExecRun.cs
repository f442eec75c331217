namespace WebUI.Engine.Containers.Exec;

/// <summary>A started exec: its stdio (null when detached) and its end.</summary>
/// <param name="Attachment">Output until the process ends; stdin when the session asked for it.</param>
/// <param name="Completion">Completes when the process has ended and the session records its exit code.</param>
public sealed record ExecRun(IContainerAttachment? Attachment, Task<ExecResult> Completion);
