using System.Text.Json.Nodes;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

internal sealed partial class ConmonRuntime
{
    /// <summary>`runc update -r`: applies new cgroup limits to a running container.</summary>
    public async Task UpdateResourcesAsync(string id, JsonObject resources, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Paths.ExecDir(id), "resources.json");
        Directory.CreateDirectory(Paths.ExecDir(id));
        await File.WriteAllTextAsync(file, resources.ToJsonString(), cancellationToken);
        try
        {
            var r = await RuncAsync(["update", "-r", file, id], cancellationToken);
            if (r.ExitCode != 0) throw new EngineException(ErrorKind.Internal, $"Cannot update container {id}: {r.Message}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
