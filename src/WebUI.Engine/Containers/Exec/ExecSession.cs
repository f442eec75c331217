namespace WebUI.Engine.Containers.Exec;

/// <summary>
/// An exec session: created, started once, ended with an exit code. Kept in memory like Docker's (sessions do not
/// survive a restart of the engine; the processes they started do). A live object: read it, never change it.
/// </summary>
public sealed class ExecSession
{
    public required string Id { get; init; }
    public required string ContainerId { get; init; }
    public required ExecConfig Config { get; init; }
    public bool Running { get; internal set; }
    /// <summary>Null until the process ended.</summary>
    public int? ExitCode { get; internal set; }
    public int Pid { get; internal set; }
    internal bool Started { get; set; }
    internal Lock Gate { get; } = new();
}
