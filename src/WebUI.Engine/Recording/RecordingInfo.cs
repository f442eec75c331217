namespace WebUI.Engine.Recording;

/// <summary>What is known about one recorded exec session (its sidecar file, written atomically).</summary>
public sealed record RecordingInfo
{
    /// <summary>The exec id (64 hex digits); also the recording's file name.</summary>
    public required string Id { get; init; }
    public required string ContainerId { get; init; }
    /// <summary>Who ran it: a dashboard user name, or "docker-api (uid N)".</summary>
    public required string User { get; init; }
    public required string Command { get; init; }
    public bool Tty { get; init; }
    public required DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public int? ExitCode { get; init; }
    /// <summary>Bytes of the .cast file.</summary>
    public long Size { get; init; }
    /// <summary>The recording stopped at <see cref="RecordingOptions.MaxRecordingBytes"/>.</summary>
    public bool Truncated { get; init; }
}
