namespace WebUI.Engine.Containers.Exec;

/// <summary>How an exec'd process ended: its exit code, and the runtime's error when it could not be started.</summary>
public sealed record ExecResult(int ExitCode, string? Error);
