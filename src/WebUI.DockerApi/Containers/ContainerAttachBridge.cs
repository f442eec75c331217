using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;

namespace WebUI.DockerApi.Containers;

/// <summary>
/// POST /containers/{id}/attach: hijacks the connection (101, Upgrade: tcp) and bridges it to the container's stdio
/// (<see cref="HijackedConnection"/>); detachKeys (default ctrl-p,ctrl-q) end the session on a terminal.
/// </summary>
internal static class ContainerAttachBridge
{
    public static async Task AttachAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var q = context.Request;
        var wantStdin = DockerQuery.Bool(q, "stdin");
        var wantStdout = DockerQuery.Bool(q, "stdout");
        var wantStderr = DockerQuery.Bool(q, "stderr");
        var detachKeys = DetachKeys.Parse(q.Query["detachKeys"].ToString());
        var container = containers.Get(id);

        await using var attachment = await containers.AttachAsync(container.Id, context.RequestAborted);
        await using var client = await HijackedConnection.OpenAsync(context, container.Config.Tty);
        await client.BridgeAsync(attachment, wantStdin, wantStdout, wantStderr, detachKeys);
    }
}
