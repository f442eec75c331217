namespace WebUI.Engine.Security.Admission;

/// <summary>
/// Team ownership of containers, volumes and networks: the <see cref="Label"/> label set at creation. A resource with a
/// team is visible only to that team's members, Admins and root; a resource without one is shared.
/// </summary>
public static class TeamScope
{
    public const string Label = "webui.team";

    /// <summary>Whether the current caller may see (and so touch) a resource with these labels.</summary>
    public static bool CanSee(IReadOnlyDictionary<string, string>? labels) => CanSee(CallerContext.Current, labels);

    public static bool CanSee(Caller? caller, IReadOnlyDictionary<string, string>? labels) =>
        CanSeeTeam(caller, labels is not null && labels.TryGetValue(Label, out var team) ? team : null);

    /// <summary>
    /// Whether the caller may see an engine event: its <see cref="Label"/> attribute names the team of the container,
    /// volume or network (or, for an image, the teams of the non-Admin caller who caused it, comma-separated); an event
    /// without one is shared.
    /// </summary>
    public static bool CanSeeEvent(Caller? caller, IReadOnlyDictionary<string, string> attributes) =>
        !attributes.TryGetValue(Label, out var teams) || teams.Split(',').Any(t => CanSeeTeam(caller, t));

    /// <summary>The teams an event about a resource without its own team (an image) belongs to: the non-Admin caller's, else none.</summary>
    public static string? ActingTeams(Caller? caller) =>
        caller is null || caller.IsAdmin || caller.Teams.Count == 0 ? null : string.Join(',', caller.Teams);

    /// <summary>
    /// The one membership rule: root (no caller) and Admins see every team's; nobody's (no or an empty team) is shared;
    /// otherwise only the team's members. Also for registry repositories, whose first path component may name a team.
    /// </summary>
    public static bool CanSeeTeam(Caller? caller, string? team) =>
        caller is null || caller.IsAdmin || string.IsNullOrEmpty(team) || caller.Teams.Contains(team, StringComparer.Ordinal);

    /// <summary>
    /// The team label a new resource gets from a non-Admin caller: the one they chose (a team of theirs), else their only
    /// team, else none (no team). A choice outside their teams, or no choice with several teams, is refused.
    /// </summary>
    public static string? AssignFor(Caller? caller, IReadOnlyDictionary<string, string>? labels, string what)
    {
        string? chosen = labels is not null && labels.TryGetValue(Label, out var t) && t.Length > 0 ? t : null;
        if (caller is null || caller.IsAdmin) return chosen;
        if (chosen is not null)
        {
            if (!caller.Teams.Contains(chosen, StringComparer.Ordinal))
                throw new Errors.EngineException(Errors.ErrorKind.Forbidden, $"{what} refused for {caller.Name} ({caller.Role}): {caller.Name} is not a member of team \"{chosen}\" (label {Label})");
            return chosen;
        }
        return caller.Teams.Count switch
        {
            0 => null,
            1 => caller.Teams[0],
            _ => throw Errors.EngineException.Invalid($"{what}: {caller.Name} belongs to several teams ({string.Join(", ", caller.Teams)}): choose one with the label {Label}=<team>"),
        };
    }
}
