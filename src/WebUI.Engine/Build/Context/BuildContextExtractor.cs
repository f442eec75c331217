using System.Formats.Tar;
using System.Text;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Context;

/// <summary>
/// Unpacks the POST /build body (a tar, possibly gzip- or zstd-compressed) into an empty directory. Nothing is
/// written outside it: absolute names, "..", writes through symlinks, device files and fifos are refused,
/// and hard links may only point at files already extracted. Files the .dockerignore excludes are dropped,
/// except the Dockerfile and .dockerignore, which the builder always reads (and then removes if excluded,
/// as Docker does, so COPY cannot see them).
/// </summary>
internal static class BuildContextExtractor
{
    private const string IgnoreFile = ".dockerignore";
    private const UnixFileMode PermissionBits = (UnixFileMode)0x1FF; // 0777; setuid/setgid/sticky are not taken from a context

    public static async Task<BuildContext> ExtractAsync(Stream body, string directory, string dockerfilePath, CancellationToken cancellationToken)
    {
        try
        {
            return await ExtractCoreAsync(body, directory, dockerfilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ZstdSharp.ZstdException)
        {
            // A truncated or corrupt body (tar, gzip or zstd) is the client's input error, not ours.
            throw EngineException.Invalid($"invalid build context: {e.Message}");
        }
    }

    private static async Task<BuildContext> ExtractCoreAsync(Stream body, string directory, string dockerfilePath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var root = Path.GetFullPath(directory);
        var dockerfileRel = ContextPaths.WithinRoot(string.IsNullOrEmpty(dockerfilePath) ? "Dockerfile" : dockerfilePath);
        var ignore = DockerIgnore.Empty;
        var ignoreSeen = false;
        var wroteBeforeIgnore = false;
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var directoryModes = new List<(string Path, UnixFileMode Mode)>();

        await using var input = await Layers.Decompression.OpenAsync(body, cancellationToken).ConfigureAwait(false);
        await using var reader = new TarReader(input);
        while (await ReadEntryAsync(reader, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes) continue;
            var rel = EntryPath(entry.Name);
            if (rel == ".") continue;
            var alwaysKept = rel == dockerfileRel || rel == IgnoreFile;
            if (!alwaysKept && ignore.IsExcluded(rel))
            {
                skipped.Add(rel);
                continue;
            }
            var target = Path.Join(root, rel);
            PrepareParent(root, rel);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    if (new FileInfo(target).LinkTarget is not null || File.Exists(target)) File.Delete(target);
                    Directory.CreateDirectory(target);
                    directoryModes.Add((target, entry.Mode & PermissionBits));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    RemoveExisting(target, entry.Name);
                    await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                    {
                        if (entry.DataStream is { } data) await data.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    }
                    File.SetUnixFileMode(target, entry.Mode & PermissionBits);
                    File.SetLastWriteTimeUtc(target, entry.ModificationTime.UtcDateTime);
                    if (rel == IgnoreFile)
                    {
                        ignore = DockerIgnore.Parse(await File.ReadAllTextAsync(target, Encoding.UTF8, cancellationToken).ConfigureAwait(false));
                        ignoreSeen = true;
                    }
                    break;
                case TarEntryType.SymbolicLink:
                    // The link itself may point anywhere: every later read resolves it within the root.
                    RemoveExisting(target, entry.Name);
                    File.CreateSymbolicLink(target, entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    var linkRel = EntryPath(entry.LinkName);
                    if (skipped.Contains(linkRel)) { skipped.Add(rel); continue; }
                    var source = Path.Join(root, linkRel);
                    PrepareParent(root, linkRel);
                    if (new FileInfo(source) is not { Exists: true, LinkTarget: null })
                        throw EngineException.Invalid($"invalid build context: hard link {entry.Name} points to {entry.LinkName}, which is not a file extracted before it");
                    RemoveExisting(target, entry.Name);
                    // A copy, not a link: the context is read-only input and a copy cannot alias anything.
                    File.Copy(source, target);
                    break;
                default:
                    throw EngineException.Invalid($"invalid build context: {entry.Name} is a {entry.EntryType} entry; device files and fifos are not allowed");
            }
            if (!ignoreSeen && !alwaysKept) wroteBeforeIgnore = true;
        }

        // Entries written before the .dockerignore arrived in the stream are dropped now.
        if (ignoreSeen && wroteBeforeIgnore) Prune(root, "", ignore, dockerfileRel);
        foreach (var (path, mode) in Enumerable.Reverse(directoryModes))
            if (Directory.Exists(path)) File.SetUnixFileMode(path, mode | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var dockerfileFull = ContextRoot.Resolve(root, dockerfileRel, followFinal: true);
        if (!File.Exists(dockerfileFull)) throw EngineException.Invalid($"Cannot locate specified Dockerfile: {dockerfilePath}");
        var text = await File.ReadAllTextAsync(dockerfileFull, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        foreach (var special in new[] { dockerfileRel, IgnoreFile })
        {
            // Resolved within the root, so a symlinked parent can never make this delete a file outside.
            var path = ContextRoot.Resolve(root, special, followFinal: false);
            if (ignore.Matches(special) && (File.Exists(path) || new FileInfo(path).LinkTarget is not null)) File.Delete(path);
        }
        return new BuildContext(root, text, ignore);
    }

    /// <summary>Normalises a tar entry name, refusing absolute paths and any ".." component.</summary>
    internal static string EntryPath(string name)
    {
        var n = name.Replace('\\', '/');
        if (n.StartsWith('/')) throw EngineException.Invalid($"invalid build context: absolute path {name}");
        if (n.Split('/').Contains("..")) throw EngineException.Invalid($"invalid build context: path {name} escapes the context");
        return ContextPaths.Clean(n);
    }

    /// <summary>Creates the parent directories, refusing any existing component that is a symlink or a file.</summary>
    private static void PrepareParent(string root, string rel)
    {
        var parts = rel.Split('/');
        var current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = Path.Join(current, parts[i]);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
                throw EngineException.Invalid($"invalid build context: {rel} would be written through the symlink {string.Join('/', parts, 0, i + 1)}");
            if (info.Exists) throw EngineException.Invalid($"invalid build context: {string.Join('/', parts, 0, i + 1)} is a file, not a directory");
            if (!Directory.Exists(current)) Directory.CreateDirectory(current);
        }
    }

    private static void RemoveExisting(string target, string name)
    {
        var info = new FileInfo(target);
        if (info.LinkTarget is not null || info.Exists) File.Delete(target);
        else if (Directory.Exists(target)) throw EngineException.Invalid($"invalid build context: {name} replaces a directory");
    }

    private static void Prune(string root, string prefix, DockerIgnore ignore, string dockerfileRel)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Join(root, prefix)).ToList())
        {
            var rel = prefix + Path.GetFileName(entry);
            var isDir = new FileInfo(entry).LinkTarget is null && Directory.Exists(entry);
            var excluded = rel != dockerfileRel && rel != IgnoreFile && ignore.IsExcluded(rel);
            if (isDir)
            {
                // Children decide for themselves: an exception may keep some of an excluded directory.
                Prune(root, rel + "/", ignore, dockerfileRel);
                if (excluded && !Directory.EnumerateFileSystemEntries(entry).Any()) Directory.Delete(entry);
            }
            else if (excluded)
            {
                File.Delete(entry);
            }
        }
    }

    private static async Task<TarEntry?> ReadEntryAsync(TarReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw EngineException.Invalid($"invalid build context: not a valid tar archive ({e.Message})");
        }
    }
}
