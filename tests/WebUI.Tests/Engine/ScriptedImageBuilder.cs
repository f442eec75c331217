using System.Formats.Tar;
using System.Threading.Channels;
using WebUI.Engine.Build;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Engine;

/// <summary>
/// A builder that reads the Dockerfile out of the context tar as the engine does, writes one "Step i/n" line per instruction,
/// and then waits for the test to release each further message, so a test sees output arrive while the build runs.
/// </summary>
public sealed class ScriptedImageBuilder : IImageBuilder
{
    public Channel<string> Pending { get; } = Channel.CreateUnbounded<string>();
    public List<(string Dockerfile, BuildOptions Options)> Builds { get; } = [];
    public bool Cancelled { get; private set; }

    public async Task<string> BuildAsync(Stream context, BuildOptions options, Func<BuildMessage, CancellationToken, Task> output, CancellationToken cancellationToken)
    {
        string? dockerfile = null;
        using (var reader = new TarReader(context, leaveOpen: true))
        {
            while (await reader.GetNextEntryAsync(copyData: true, cancellationToken) is { } entry)
                if (entry.Name == options.Dockerfile && entry.DataStream is { } data)
                    dockerfile = await new StreamReader(data).ReadToEndAsync(cancellationToken);
        }
        if (dockerfile is null) throw EngineException.Invalid($"Cannot locate specified Dockerfile: {options.Dockerfile}");
        Builds.Add((dockerfile, options));
        var steps = dockerfile.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < steps.Length; i++)
            await output(new BuildMessage($"Step {i + 1}/{steps.Length} : {steps[i]}\n"), cancellationToken);
        try
        {
            await foreach (var line in Pending.Reader.ReadAllAsync(cancellationToken))
                await output(new BuildMessage(line + "\n"), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled = true;
            throw;
        }
        var id = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dockerfile)));
        await output(new BuildMessage($"Successfully built {id[7..19]}\n"), cancellationToken);
        return id;
    }
}
