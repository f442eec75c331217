namespace WebUI.Identity;

/// <summary>
/// The server-side check before a change made from the dashboard: hiding a button is a courtesy, this is the authority.
/// It re-reads the user from the store each time, so a disabled user, a changed role or a changed password take effect at once.
/// </summary>
public interface IUserAccess
{
    /// <summary>The current user's name when they satisfy <paramref name="policy"/>; otherwise throws EngineException (Forbidden). Denies by default.</summary>
    Task<string> DemandAsync(string policy, CancellationToken cancellationToken);

    /// <summary>Whether the current user satisfies <paramref name="policy"/>, checked as <see cref="DemandAsync"/> does.</summary>
    Task<bool> IsAllowedAsync(string policy, CancellationToken cancellationToken);
}
