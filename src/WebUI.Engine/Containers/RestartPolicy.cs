namespace WebUI.Engine.Containers;

/// <summary>Docker's restart policy: "" / "no", "always", "unless-stopped", "on-failure" (with a retry limit).</summary>
public sealed class RestartPolicy
{
    public string Name { get; set; } = "no";
    public int MaximumRetryCount { get; set; }
}
