namespace WebUI.Engine.Runtime;

/// <summary>A process started by `runc exec` under its own conmon: its pid and, later, how it ended.</summary>
/// <param name="Pid">The host pid of the process, 0 when the runtime failed to start it.</param>
/// <param name="Exited">The exit code conmon reports when the process ends (or the start failure, with its message).</param>
internal sealed record ConmonExecProcess(int Pid, Task<ExecExitStatus> Exited);
