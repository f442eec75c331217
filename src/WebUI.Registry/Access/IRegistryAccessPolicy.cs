using Microsoft.AspNetCore.Http;

namespace WebUI.Registry.Access;

/// <summary>
/// The one place that decides who may pull, push and delete in which repository of the built-in registry.
/// Identity plugs its roles and teams in by registering another implementation.
/// </summary>
public interface IRegistryAccessPolicy
{
    /// <summary>
    /// Decides for the caller of <paramref name="http"/> (its credentials: Authorization header or login cookie; anonymous
    /// without). <paramref name="repository"/> is null for the requests that name none (GET /v2/, the catalog before it
    /// is filtered per repository).
    /// </summary>
    ValueTask<RegistryAccessDecision> AuthorizeAsync(HttpContext http, string? repository, RegistryAction action, CancellationToken cancellationToken);
}
