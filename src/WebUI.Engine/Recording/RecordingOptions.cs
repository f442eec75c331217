namespace WebUI.Engine.Recording;

/// <summary>Recorded exec sessions (asciicast v2 under &lt;DataRoot&gt;/recordings); bound from the "Recording" section.</summary>
public sealed class RecordingOptions
{
    public const string SectionName = "Recording";

    /// <summary>Record every attached exec session (dashboard terminal and Docker API alike).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Recordings older than this many days are deleted; 0 keeps them until the size limit applies.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>One recording stops growing at this many bytes (marked truncated); the session itself goes on.</summary>
    public long MaxRecordingBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>All recordings together: above this the oldest are deleted first.</summary>
    public long MaxTotalBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How often retention runs (also once at start).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
