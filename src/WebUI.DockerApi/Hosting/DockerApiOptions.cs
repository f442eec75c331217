namespace WebUI.DockerApi.Hosting;

/// <summary>Where the Docker Engine API listens; bound from the "DockerApi" section.</summary>
public sealed class DockerApiOptions
{
    public const string SectionName = "DockerApi";

    /// <summary>The unix socket path; default &lt;Engine:ExecRoot&gt;/docker.sock.</summary>
    public string? Socket { get; set; }

    /// <summary>Octal permission bits of the socket, like docker.sock's 0660.</summary>
    public string SocketMode { get; set; } = "660";

}
