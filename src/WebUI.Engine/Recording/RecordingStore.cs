using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Recording;

/// <summary>
/// The files of recorded sessions: &lt;DataRoot&gt;/recordings/&lt;container id&gt;/&lt;exec id&gt;.cast and .json. Both ids are
/// 64 hex digits made by the engine and checked again here, so no name from outside ever becomes a path; the
/// directories are root-only (a recording holds what was typed), the .cast is created exclusively, the sidecar atomically.
/// </summary>
internal sealed partial class RecordingStore(IOptions<EngineOptions> engine) : IExecRecordings
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Root { get; } = Path.Combine(engine.Value.DataRoot, "recordings");

    public static bool IsId(string id) => HexId().IsMatch(id);

    public string CastPath(string containerId, string id) => Path.Combine(ContainerDir(containerId), id + ".cast");

    public string InfoPath(string containerId, string id) => Path.Combine(ContainerDir(containerId), id + ".json");

    /// <summary>Creates the recording's .cast file (never an existing one, never through a symlink).</summary>
    public FileStream CreateCast(string containerId, string id)
    {
        Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(ContainerDir(containerId), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FileStream(CastPath(containerId, id), new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    public void WriteInfo(RecordingInfo info) => AtomicFile.WriteJson(InfoPath(info.ContainerId, info.Id), info, Json);

    public IReadOnlyList<RecordingInfo> List(string containerId)
    {
        var dir = ContainerDir(containerId);
        if (!Directory.Exists(dir)) return [];
        var list = new List<RecordingInfo>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.json"))
        {
            if (!IsId(Path.GetFileNameWithoutExtension(file))) continue;
            try
            {
                if (AtomicFile.ReadJson<RecordingInfo>(file, Json) is { } info) list.Add(info);
            }
            catch (Exception e) when (e is JsonException or IOException) { /* removed meanwhile, or not ours */ }
        }
        return [.. list.OrderByDescending(r => r.Started)];
    }

    public async Task<string> ReadAsync(string containerId, string recordingId, CancellationToken cancellationToken)
    {
        if (!IsId(recordingId)) throw EngineException.Invalid($"invalid recording id {recordingId}: expected 64 hex digits");
        var path = CastPath(containerId, recordingId);
        if (!File.Exists(path)) throw EngineException.NotFound($"No such recording: {recordingId}");
        await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(fs);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Every recording with its files' total size, for retention.</summary>
    public IEnumerable<(RecordingInfo Info, long Bytes)> All()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(Root))
        {
            var containerId = Path.GetFileName(dir);
            if (!IsId(containerId)) continue;
            foreach (var info in List(containerId))
            {
                long bytes = 0;
                foreach (var f in (string[])[CastPath(containerId, info.Id), InfoPath(containerId, info.Id)])
                    if (File.Exists(f)) bytes += new FileInfo(f).Length;
                yield return (info, bytes);
            }
        }
    }

    public void Delete(RecordingInfo info)
    {
        File.Delete(InfoPath(info.ContainerId, info.Id));
        File.Delete(CastPath(info.ContainerId, info.Id));
        var dir = ContainerDir(info.ContainerId);
        if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
    }

    private string ContainerDir(string containerId) =>
        IsId(containerId) ? Path.Combine(Root, containerId) : throw EngineException.Invalid($"invalid container id {containerId}: expected 64 hex digits");

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexId();
}
