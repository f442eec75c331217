using Microsoft.AspNetCore.Http;
using WebUI.Registry.Access;
using WebUI.Registry.Errors;

namespace WebUI.Registry.Handlers;

/// <summary>GET /v2/&lt;name&gt;/tags/list with n/last paging.</summary>
internal static class TagsHandler
{
    public static async Task ListAsync(RegistryRequest r, string name)
    {
        await r.AuthorizeAsync(name, RegistryAction.Pull);
        if (!r.Store.RepositoryExists(name))
            throw new RegistryException(RegistryErrorCode.NameUnknown, "repository name not known to registry", new { name });
        var page = Paging.Apply(r, r.Store.Tags(name), $"/v2/{name}/tags/list", r.Options.MaxPageSize);
        await r.WriteJsonAsync(StatusCodes.Status200OK, new TagsResponse(name, page));
    }
}
