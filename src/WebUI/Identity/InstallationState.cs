namespace WebUI.Identity;

/// <summary>The single row saying the first admin exists, so /setup stays closed for good, also after a restart.</summary>
public sealed class InstallationState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public DateTimeOffset SetupCompletedAt { get; set; }

    /// <summary>"bootstrap password" or "setup code".</summary>
    public string SetupMethod { get; set; } = "";
}
