using WebUI.DockerApi.Hosting;

namespace WebUI.Recording;

/// <summary>Program.cs entry for exec recordings on the web side.</summary>
public static class RecordingHostingExtensions
{
    /// <summary>Docker API socket requests carry their caller (for exec recordings); call before routing.</summary>
    public static WebApplication UseDockerApiExecCaller(this WebApplication app)
    {
        app.UseWhen(DockerApiRequest.IsDockerApi, docker => docker.UseMiddleware<DockerApiExecCaller>());
        return app;
    }
}
