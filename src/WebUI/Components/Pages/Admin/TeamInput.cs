namespace WebUI.Components.Pages.Admin;

/// <summary>The teams form: the team, the user (for memberships) and the action (the pressed button).</summary>
public sealed class TeamInput
{
    public string Team { get; set; } = "";

    public string UserName { get; set; } = "";

    /// <summary>"create", "delete", "add" or "remove".</summary>
    public string Action { get; set; } = "";
}
