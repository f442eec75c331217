using System.Formats.Tar;
using System.Runtime.CompilerServices;
using System.Text;
using WebUI.Audit;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Files;
using WebUI.Identity;

namespace WebUI.Services;

/// <summary>
/// The container details tabs' view of the engine beyond the basics: live stats (pushed by the engine's stats stream),
/// processes, and the file browser. Reading files' contents, downloads and uploads need Operator (a Viewer may list).
/// </summary>
public sealed class ContainerInsightsView(IContainerService containers, IContainerFiles files, ChangeGuard guard)
{
    /// <summary>Text files larger than this are shown cut (download them for all).</summary>
    public const int MaxTextBytes = 512 * 1024;

    /// <summary>Samples about a second apart while the container runs; ends when it stops.</summary>
    public async IAsyncEnumerable<StatsSample> StatsAsync(string idOrName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Engine.Stats.ContainerStats? previous = null;
        await foreach (var s in containers.StatsAsync(idOrName, stream: true, oneShot: false, cancellationToken))
        {
            yield return StatsSample.From(s, previous);
            previous = s;
        }
    }

    public Task<ContainerTop> TopAsync(string idOrName, CancellationToken cancellationToken) => containers.TopAsync(idOrName, null, cancellationToken);

    public Task<IReadOnlyList<ContainerFileEntry>> ListAsync(string idOrName, string path, CancellationToken cancellationToken) =>
        files.ListAsync(idOrName, path, cancellationToken);

    /// <summary>A file's text (at most <see cref="MaxTextBytes"/>); InvalidArgument for a directory or a binary file.</summary>
    public async Task<(string Text, bool Cut)> ReadTextAsync(string idOrName, string path, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(Policies.Operator, AuditActions.ContainerFileDownload, idOrName, cancellationToken);
        var buffer = new MemoryStream();
        var cut = false;
        await using var tar = new MemoryStream();
        await containers.GetArchiveAsync(idOrName, path, (stat, _) =>
        {
            if ((stat.Mode & 0xFF000000u) != 0) throw EngineException.Invalid($"{path} is not a regular file");
            return Task.FromResult<Stream>(new LimitedStream(tar, MaxTextBytes + 4096));
        }, cancellationToken);
        tar.Position = 0;
        await using (var reader = new TarReader(tar))
        {
            var entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
            if (entry?.DataStream is { } data)
            {
                var chunk = new byte[MaxTextBytes];
                var n = await data.ReadAtLeastAsync(chunk, MaxTextBytes, throwOnEndOfStream: false, cancellationToken);
                buffer.Write(chunk, 0, n);
                cut = entry.Length > MaxTextBytes;
            }
        }
        var bytes = buffer.ToArray();
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw EngineException.Invalid($"{path} is not a text file; download it instead");
        return (new UTF8Encoding(false, false).GetString(bytes), cut);
    }

    /// <summary>Writes a file or folder of the container as a tar (docker cp's format) to <paramref name="output"/>; Operator.</summary>
    public Task DownloadAsync(string idOrName, string path, Stream output, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.ContainerFileDownload, $"{idOrName}:{path}",
            () => containers.GetArchiveAsync(idOrName, path, (_, _) => Task.FromResult(output), cancellationToken), cancellationToken);

    /// <summary>Puts one file into a directory of the container; Operator. The name must be a plain file name.</summary>
    public async Task UploadAsync(string idOrName, string directory, string fileName, Stream content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName is "." or ".." || fileName.Contains('/') || fileName.Contains('\0'))
            throw EngineException.Invalid($"invalid file name \"{fileName}\": it must be a plain name without '/'");
        await guard.RunAsync(Policies.Operator, AuditActions.ContainerFileUpload, $"{idOrName}:{directory.TrimEnd('/')}/{fileName}", async () =>
        {
            // docker cp's shape: a tar with the one file, extracted into the directory by the engine (safely, in-root).
            var tmp = Path.GetTempFileName();
            try
            {
                await using var tarFile = new FileStream(tmp, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await using (var writer = new TarWriter(tarFile, TarEntryFormat.Pax, leaveOpen: true))
                {
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, fileName)
                    {
                        DataStream = content,
                        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                        ModificationTime = DateTimeOffset.UtcNow,
                    };
                    await writer.WriteEntryAsync(entry, cancellationToken);
                }
                tarFile.Position = 0;
                await containers.PutArchiveAsync(idOrName, directory, tarFile, noOverwriteDirNonDir: true, copyUidGid: false, cancellationToken);
            }
            finally
            {
                if (File.Exists(tmp)) File.Delete(tmp);
            }
        }, cancellationToken);
    }
}
