using System.Security.Claims;

namespace WebUI.Registry.Access;

/// <summary>
/// The one place that decides who may pull, push and delete in which repository of the built-in registry.
/// Identity plugs its roles and teams in by registering another implementation.
/// </summary>
public interface IRegistryAccessPolicy
{
    /// <summary>
    /// Decides for <paramref name="user"/> (anonymous when not authenticated). <paramref name="repository"/> is null for
    /// the requests that name none (GET /v2/, the catalog before it is filtered per repository).
    /// </summary>
    ValueTask<RegistryAccessDecision> AuthorizeAsync(ClaimsPrincipal user, string? repository, RegistryAction action, CancellationToken cancellationToken);
}
