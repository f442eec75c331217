namespace WebUI.Engine.Runtime;

/// <summary>How an exec'd process ended: its exit code, or the runtime's error when it never ran (Error set).</summary>
internal sealed record ExecExitStatus(int ExitCode, string? Error);
