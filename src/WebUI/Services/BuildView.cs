using System.Formats.Tar;
using System.Text;
using WebUI.Audit;
using WebUI.Engine.Build;
using WebUI.Engine.Errors;
using WebUI.Identity;

namespace WebUI.Services;

/// <summary>The build page's view of the engine: builds from a pasted Dockerfile or an uploaded context tar, output handed on as it happens.</summary>
public sealed class BuildView(IImageBuilder builder, ChangeGuard guard)
{
    /// <summary>Largest pasted Dockerfile accepted (the engine's parser has its own limits; this keeps a paste from filling memory).</summary>
    public const int MaxDockerfileChars = 1024 * 1024;

    /// <summary>
    /// Runs the build and returns the image id. <paramref name="context"/> is a tar (plain or compressed) build context, or null to build
    /// <see cref="BuildForm.Dockerfile"/> alone. Bad input: InvalidArgument naming the field, nothing built.
    /// </summary>
    public async Task<string> BuildAsync(BuildForm form, Stream? context, Func<string, Task> output, CancellationToken cancellationToken)
    {
        var tags = (form.Tags ?? "").Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Dictionary<string, string> args;
        try
        {
            args = KeyValueLines.Parse(form.BuildArgs);
        }
        catch (FormatException e)
        {
            throw EngineException.Invalid("build args: " + e.Message);
        }
        var dockerfilePath = "Dockerfile";
        if (context is null)
        {
            if (string.IsNullOrWhiteSpace(form.Dockerfile)) throw EngineException.Invalid("paste a Dockerfile or upload a build context");
            if (form.Dockerfile.Length > MaxDockerfileChars) throw EngineException.Invalid($"the Dockerfile is longer than {MaxDockerfileChars} characters");
            context = SingleFileTar("Dockerfile", form.Dockerfile);
        }
        else if (!string.IsNullOrWhiteSpace(form.DockerfilePath))
        {
            dockerfilePath = form.DockerfilePath.Trim();
        }
        var options = new BuildOptions
        {
            Tags = tags,
            Dockerfile = dockerfilePath,
            BuildArgs = args.ToDictionary(a => a.Key, a => (string?)a.Value),
            NoCache = form.NoCache,
        };
        return await guard.RunAsync(Policies.Operator, AuditActions.ImageBuild, tags.Length > 0 ? string.Join(" ", tags) : null, () =>
            builder.BuildAsync(context, options, async (message, ct) =>
            {
                if (message.Stream is { Length: > 0 } text) await output(text);
            }, cancellationToken), cancellationToken);
    }

    private static MemoryStream SingleFileTar(string name, string text)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = DateTimeOffset.UnixEpoch,
            };
            writer.WriteEntry(entry);
        }
        tar.Position = 0;
        return tar;
    }
}
