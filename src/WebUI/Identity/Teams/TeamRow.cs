namespace WebUI.Identity.Teams;

/// <summary>A team and its members' user names, for the Admin teams page.</summary>
public sealed record TeamRow(string Name, IReadOnlyList<string> Members);
