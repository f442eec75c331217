namespace WebUI.DockerApi.Hosting;

/// <summary>Where the Docker Engine API listens; bound from the "DockerApi" section.</summary>
public sealed class DockerApiOptions
{
    public const string SectionName = "DockerApi";

    /// <summary>The unix socket path; default &lt;Engine:ExecRoot&gt;/docker.sock.</summary>
    public string? Socket { get; set; }

    /// <summary>Octal permission bits of the socket, like docker.sock's 0660.</summary>
    public string SocketMode { get; set; } = "660";

    /// <summary>
    /// "ip:port" of the optional TCP listener (off when empty): every request needs "Authorization: Bearer &lt;API token&gt;"
    /// and only the routes of <see cref="TcpRouteAllowList"/> are served.
    /// </summary>
    public string? Tcp { get; set; }
}
