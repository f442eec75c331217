namespace WebUI.Audit;

/// <summary>The values of <see cref="AuditEntry.FrontDoor"/>.</summary>
public static class FrontDoors
{
    public const string Dashboard = "dashboard";
    public const string Account = "account";
    public const string DockerApi = "docker-api";
    public const string Registry = "registry";
}
