namespace WebUI.Identity.Teams;

/// <summary>A user's membership of a team.</summary>
public sealed class TeamMembership
{
    public string TeamName { get; set; } = "";
    public string UserId { get; set; } = "";
}
