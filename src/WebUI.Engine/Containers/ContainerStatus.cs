namespace WebUI.Engine.Containers;

/// <summary>Docker's State.Status values.</summary>
public static class ContainerStatus
{
    public const string Created = "created";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Restarting = "restarting";
    public const string Removing = "removing";
    public const string Exited = "exited";
    public const string Dead = "dead";
}
