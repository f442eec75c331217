using Microsoft.AspNetCore.Http;
using WebUI.Registry.Access;

namespace WebUI.Registry.Handlers;

/// <summary>GET /v2/ (the version check clients start with) and GET /v2/_catalog.</summary>
internal static class CatalogHandlers
{
    public static async Task BaseAsync(RegistryRequest r)
    {
        await r.AuthorizeAsync(null, RegistryAction.Pull);
        await r.WriteJsonAsync(StatusCodes.Status200OK, new Dictionary<string, string>());
    }

    public static async Task CatalogAsync(RegistryRequest r)
    {
        await r.AuthorizeAsync(null, RegistryAction.Pull);
        var visible = new List<string>();
        foreach (var repo in r.Store.ListRepositories())
            if (await r.TryAuthorizeAsync(repo, RegistryAction.Pull) == RegistryAccessDecision.Allow) visible.Add(repo);
        var page = Paging.Apply(r, visible, "/v2/_catalog", r.Options.MaxPageSize);
        await r.WriteJsonAsync(StatusCodes.Status200OK, new CatalogResponse(page));
    }
}
