using WebUI.Engine.Errors;
using WebUI.Engine.Recording;

namespace WebUI.Tests.Engine;

/// <summary>Recordings held in memory: the test adds them with their asciicast text.</summary>
public sealed class InMemoryExecRecordings : IExecRecordings
{
    private readonly List<(RecordingInfo Info, string Cast)> _recordings = [];

    public void Add(RecordingInfo info, string cast) => _recordings.Add((info, cast));

    public IReadOnlyList<RecordingInfo> List(string containerId) =>
        [.. _recordings.Where(r => r.Info.ContainerId == containerId).Select(r => r.Info).OrderByDescending(r => r.Started)];

    public Task<string> ReadAsync(string containerId, string recordingId, CancellationToken cancellationToken) =>
        Task.FromResult(_recordings.FirstOrDefault(r => r.Info.ContainerId == containerId && r.Info.Id == recordingId).Cast
            ?? throw EngineException.NotFound($"No such recording: {recordingId}"));
}
