namespace WebUI.Identity.Teams;

/// <summary>A team: containers, volumes, networks (label webui.team) and registry repositories (first path component) belong to one.</summary>
public sealed class Team
{
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
