using Microsoft.AspNetCore.Http;
using WebUI.Registry.Errors;

namespace WebUI.Registry.Handlers;

/// <summary>The n/last paging of the tags list and the catalog, with the Link header pointing at the next page.</summary>
internal static class Paging
{
    private static readonly RegistryErrorCode PaginationNumberInvalid = new("PAGINATION_NUMBER_INVALID", StatusCodes.Status400BadRequest);

    /// <summary>The entries after ?last= (sorted input), at most ?n= (capped by <paramref name="max"/>); sets Link when more follow.</summary>
    public static IReadOnlyList<string> Apply(RegistryRequest r, IReadOnlyList<string> sorted, string path, int max)
    {
        var nText = r.Request.Query["n"].ToString();
        int n = max;
        var explicitN = false;
        if (nText.Length > 0)
        {
            if (!int.TryParse(nText, System.Globalization.NumberStyles.None, null, out n))
                throw new RegistryException(PaginationNumberInvalid, "invalid number of results requested", new { n = nText });
            n = Math.Min(n, max);
            explicitN = true;
        }
        var last = r.Request.Query["last"].ToString();
        IEnumerable<string> after = sorted;
        if (last.Length > 0) after = sorted.Where(s => string.CompareOrdinal(s, last) > 0);
        var remaining = after.ToList();
        var page = remaining.Take(n).ToList();
        if (remaining.Count > page.Count && page.Count > 0)
        {
            var next = $"{path}?last={Uri.EscapeDataString(page[^1])}&n={(explicitN ? n : max)}";
            r.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return page;
    }
}
