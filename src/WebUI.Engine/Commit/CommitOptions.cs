using WebUI.Engine.Containers;

namespace WebUI.Engine.Commit;

/// <summary>What docker commit takes: the name to give, message and author, --change lines, pause, and config overrides (the request body).</summary>
public sealed record CommitOptions
{
    /// <summary>Repository (with or without a tag), or null for an unnamed image.</summary>
    public string? Repository { get; init; }
    public string? Tag { get; init; }
    public string? Comment { get; init; }
    public string? Author { get; init; }
    /// <summary>Freeze the container while its changes are read (Docker's default).</summary>
    public bool Pause { get; init; } = true;
    public IReadOnlyList<string> Changes { get; init; } = [];
    /// <summary>Fields set here replace the container's (Cmd, Entrypoint, Env, ExposedPorts, Volumes, WorkingDir, User, Labels...).</summary>
    public ContainerConfig? Config { get; init; }
}
