namespace WebUI.Engine.Recording;

/// <summary>
/// Recorded exec sessions: one asciicast v2 file (output "o", input "i", resizes "r", with timings) and one sidecar
/// per exec, under &lt;DataRoot&gt;/recordings/&lt;container id&gt;/. Written while the session runs; kept by the retention setting.
/// </summary>
public interface IExecRecordings
{
    /// <summary>The container's recordings, newest first (also after the container is gone, until retention removes them).</summary>
    IReadOnlyList<RecordingInfo> List(string containerId);

    /// <summary>The asciicast text of one recording; NotFound when there is none, InvalidArgument for a malformed id.</summary>
    Task<string> ReadAsync(string containerId, string recordingId, CancellationToken cancellationToken);
}
