using System.Globalization;
using System.Security.Cryptography;
using WebUI.Engine.Build.Context;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Errors;
using WebUI.Engine.Layers;
using WebUI.Engine.Linux;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Build;

// COPY and ADD: files from the context, an earlier stage, an image or a URL, written into a new layer directory.
internal sealed partial class BuildSession
{
    private async Task CopyAsync(StageState state, string keyword, IReadOnlyList<string> sources, string destination, IReadOnlyList<Heredoc> heredocs,
        string? from, string? chown, string? chmod, bool link, IReadOnlyList<string> excludes, string? checksum, CancellationToken cancellationToken)
    {
        if (link) throw EngineException.Invalid("the --link option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
        if (excludes.Count > 0) throw EngineException.Invalid("the --exclude option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
        UnixFileMode? mode = null;
        if (chmod is not null)
        {
            if (!int.TryParse(chmod, NumberStyles.None, null, out _) || chmod.Any(c => c > '7') || Convert.ToInt32(chmod, 8) > 0xfff)
                throw EngineException.Invalid($"invalid chmod parameter: {chmod}. it should be octal string and between 0 and 07777");
            mode = (UnixFileMode)Convert.ToInt32(chmod, 8);
        }
        if (checksum is not null && (sources.Count != 1 || !AddInstruction.IsUrl(sources[0])))
            throw EngineException.Invalid("checksum can't be specified for non-HTTP(S) sources");
        if (sources.Any(s => AddInstruction.IsRemote(s) && !AddInstruction.IsUrl(s)))
            throw EngineException.Invalid($"{keyword} from a git repository requires BuildKit");

        var workdir = state.Spec.Config.WorkingDir is { Length: > 0 } w ? w : "/";
        var destAbs = destination.StartsWith('/') ? destination : workdir.TrimEnd('/') + "/" + destination;
        var destIsDirectory = destination.EndsWith('/') || destination.EndsWith("/.", StringComparison.Ordinal) || destination == ".";

        var downloads = Path.Combine(tempDir, "remote-" + Guid.NewGuid().ToString("N")[..8]);
        var inline = Path.Combine(tempDir, "heredoc-" + Guid.NewGuid().ToString("N")[..8]);
        var layerDir = Path.Combine(tempDir, "layer-" + Guid.NewGuid().ToString("N")[..12]);
        RootfsView? sourceView = null;
        using var destView = RootfsView.Open(snapshots, state.Image?.TopChainId, tempDir);
        try
        {
            string sourceRoot = context.Root;
            string fromText = "";
            if (from is not null)
            {
                var reference = plan.ResolveFrom(from, _currentStage, 0);
                var fromImage = reference.StageIndex is { } index ? _stages[index].Image : await images.GetAsync(reference.Image!, cancellationToken);
                sourceView = RootfsView.Open(snapshots, fromImage?.TopChainId, tempDir);
                sourceRoot = sourceView.Root;
                fromText = $"--from={from} ";
            }

            var (uid, gid) = Owner(chown, destView.Root);
            var resolved = new List<(ContextSource Source, bool NotFromContext)>();
            foreach (var source in sources)
            {
                if (HeredocWords.TryParse(source) is { } word)
                    resolved.Add((WriteHeredoc(keyword, word.Name, heredocs, inline), true));
                else if (AddInstruction.IsUrl(source))
                    resolved.Add((await DownloadAsync(source, downloads, destIsDirectory ? null : Path.GetFileName(destAbs.TrimEnd('/')), checksum, cancellationToken), true));
                else
                    resolved.AddRange(ContextSourceResolver.Resolve(sourceRoot, [source], keyword).Select(s => (s, false)));
            }
            var many = resolved.Count > 1 || sources.Any(s => !AddInstruction.IsUrl(s) && s.IndexOfAny(['*', '?', '[']) >= 0);
            if (many && !destIsDirectory)
                throw EngineException.Invalid($"When using {keyword} with more than one source file, the destination must be a directory and end with a /");

            // A destination through a symlink of the image (/bin -> usr/bin) lands where the link points, inside the image.
            destAbs = InImage(destView.Root, destAbs, followFinal: destIsDirectory);
            var files = FileSetChecksum.Compute(resolved.Select(r => r.Source).ToList(), uid, gid, mode);
            var createdBy = $"/bin/sh -c #(nop) {keyword} {fromText}{(chown is null ? "" : "--chown=" + chown + " ")}{(chmod is null ? "" : "--chmod=" + chmod + " ")}{files} in {destAbs} ";
            if (await TryCacheAsync(state, createdBy, cancellationToken)) return;

            Directory.CreateDirectory(layerDir);
            var writer = new LayerFiles(layerDir, destView.Root, uid, gid, mode);
            destIsDirectory |= writer.IsImageDirectory(destAbs);
            foreach (var (source, notFromContext) in resolved)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (keyword == "ADD" && !notFromContext && !source.IsDirectory && await IsTarArchiveAsync(source.FullPath, cancellationToken))
                {
                    var target = writer.EnsureDirectory(destAbs, own: false);
                    await using var archive = File.OpenRead(source.FullPath);
                    await applier.ApplyAsync(archive, target, null, cancellationToken);
                }
                else if (source.IsDirectory)
                {
                    writer.Copy(source, writer.EnsureDirectory(destAbs, own: true));
                }
                else if (destIsDirectory)
                {
                    writer.Copy(source, Path.Combine(writer.EnsureDirectory(destAbs, own: true), Path.GetFileName(source.RelativePath)));
                }
                else
                {
                    var parent = writer.EnsureDirectory(Path.GetDirectoryName(destAbs) ?? "/", own: false);
                    writer.Copy(source, Path.Combine(parent, Path.GetFileName(destAbs)));
                }
            }

            var spec = NextSpec(state, createdBy, emptyLayer: false);
            var layer = await layers.CommitAsync(layerDir, state.Image?.TopChainId, takeDirectory: true, null, cancellationToken);
            var image = await RegisterAsync(state, spec, layer, createdBy, cancellationToken);
            await EmitAsync($" ---> {ShortId(image)}\n", cancellationToken);
        }
        finally
        {
            sourceView?.Dispose();
            if (Directory.Exists(layerDir)) Directory.Delete(layerDir, recursive: true);
            if (Directory.Exists(downloads)) Directory.Delete(downloads, recursive: true);
            if (Directory.Exists(inline)) Directory.Delete(inline, recursive: true);
        }
    }

    /// <summary>
    /// A heredoc source (COPY &lt;&lt;EOF /dest) as a file named after its delimiter, 0664 like BuildKit's, with a fixed
    /// time so an unchanged body keeps the cache; its body was already expanded unless the delimiter was quoted.
    /// </summary>
    private static ContextSource WriteHeredoc(string keyword, string name, IReadOnlyList<Heredoc> heredocs, string directory)
    {
        if (name.Contains('/') || name is "." or "..")
            throw EngineException.Invalid($"{keyword} heredoc name \"{name}\" cannot be used as a file name");
        var body = heredocs.FirstOrDefault(h => h.Name == name)
            ?? throw EngineException.Invalid($"{keyword} names heredoc {name} but its body is missing");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, body.Content);
        File.SetUnixFileMode(path, (UnixFileMode)0x1b4);
        Sys.lutimes(path, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        return new ContextSource(name, path, false);
    }

    /// <summary>An absolute image path with the image's symlinks resolved within the image (never outside it).</summary>
    private static string InImage(string imageRoot, string path, bool followFinal)
    {
        var resolved = ContextRoot.Resolve(imageRoot, path, followFinal);
        var rel = Path.GetRelativePath(imageRoot, resolved).Replace('\\', '/');
        var result = rel == "." ? "/" : "/" + rel;
        return path.EndsWith('/') && !result.EndsWith('/') ? result + "/" : result;
    }

    /// <summary>--chown: numbers as given, names looked up in the image's /etc/passwd and /etc/group.</summary>
    private static (int Uid, int Gid) Owner(string? chown, string imageRoot)
    {
        if (string.IsNullOrEmpty(chown)) return (0, 0);
        var parts = chown.Split(':');
        if (parts.Length > 2 || parts[0].Length == 0) throw EngineException.Invalid($"invalid --chown value: {chown}");
        if (uint.TryParse(parts[0], out var u) && (parts.Length == 1 || uint.TryParse(parts[1], out _)))
            return ((int)u, parts.Length == 1 ? (int)u : int.Parse(parts[1], CultureInfo.InvariantCulture));
        try
        {
            var user = UserResolver.Resolve(chown, imageRoot);
            return ((int)user.Uid, (int)user.Gid);
        }
        catch (EngineException e)
        {
            throw EngineException.Invalid($"unable to convert uid/gid chown string to host mapping: {e.Message}");
        }
    }

    /// <summary>ADD of a URL: fetched (streamed to a file) only because the Dockerfile asks for it; mode 0600 and the server's Last-Modified, as Docker.</summary>
    private async Task<ContextSource> DownloadAsync(string url, string directory, string? name, string? checksum, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw EngineException.Invalid($"failed to GET {url} with status {(int)response.StatusCode} {response.ReasonPhrase}");
        var fileName = name ?? Path.GetFileName(new Uri(url).AbsolutePath.TrimEnd('/'));
        if (string.IsNullOrEmpty(fileName) || fileName is "." or "..")
            throw EngineException.Invalid($"cannot determine filename from url: {url}");
        var path = Path.Combine(directory, fileName);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }
        var digest = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
        if (checksum is not null && !string.Equals(checksum, digest, StringComparison.Ordinal))
            throw EngineException.Invalid($"digest mismatch {digest}: {checksum}");
        Sys.chmod(path, 0x180);
        var modified = response.Content.Headers.LastModified ?? DateTimeOffset.UnixEpoch;
        Sys.lutimes(path, modified, modified);
        return new ContextSource(fileName, path, false);
    }

    /// <summary>Whether a local ADD source is a tar archive (plain, gzip or zstd): those are unpacked, everything else copied.</summary>
    private static async Task<bool> IsTarArchiveAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        try
        {
            var (tar, _) = await Decompression.OpenWithTypeAsync(file, cancellationToken);
            await using (tar)
            {
                var header = new byte[512];
                var read = 0;
                int n;
                while (read < header.Length && (n = await tar.ReadAsync(header.AsMemory(read), cancellationToken)) > 0) read += n;
                return read == 512 && header.AsSpan(257, 5).SequenceEqual("ustar"u8);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ZstdSharp.ZstdException)
        {
            return false;
        }
    }
}
