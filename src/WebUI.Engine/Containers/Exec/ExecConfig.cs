namespace WebUI.Engine.Containers.Exec;

/// <summary>Docker's exec create body (POST /containers/{id}/exec): what to run in a running container, and how.</summary>
public sealed class ExecConfig
{
    public bool AttachStdin { get; set; }
    public bool AttachStdout { get; set; }
    public bool AttachStderr { get; set; }
    public string? DetachKeys { get; set; }
    public bool Tty { get; set; }
    /// <summary>[height, width] of the terminal the process starts with.</summary>
    public List<int>? ConsoleSize { get; set; }
    /// <summary>KEY=value entries added to (and overriding) the container's environment.</summary>
    public List<string>? Env { get; set; }
    public List<string>? Cmd { get; set; }
    public bool Privileged { get; set; }
    /// <summary>"user", "uid", "user:group"; empty: the container's user.</summary>
    public string User { get; set; } = "";
    /// <summary>Empty: the container's working directory.</summary>
    public string WorkingDir { get; set; } = "";
}
