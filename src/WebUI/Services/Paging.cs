namespace WebUI.Services;

/// <summary>Sorting and paging of an in-memory sequence for the views' tables, done once here.</summary>
internal static class Paging
{
    public static PagedResult<T> Apply<T>(IEnumerable<T> rows, PageRequest request, IReadOnlyDictionary<string, Func<T, IComparable?>> keys, string defaultKey, bool defaultDescending)
    {
        var (key, descending) = request.SortBy is { } s && keys.ContainsKey(s) ? (s, request.Descending) : (defaultKey, defaultDescending);
        var selector = keys[key];
        var ordered = descending
            ? rows.OrderByDescending(selector, NullsFirstComparer.Instance)
            : rows.OrderBy(selector, NullsFirstComparer.Instance);
        var all = ordered.ToList();
        var size = Math.Max(1, request.PageSize);
        var page = all.Skip(Math.Max(0, request.Page) * size).Take(size).ToList();
        return new PagedResult<T>(page, all.Count);
    }

    public static bool Matches(string? search, params IEnumerable<string?> fields) =>
        string.IsNullOrWhiteSpace(search) || fields.Any(f => f is not null && f.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));

    private sealed class NullsFirstComparer : IComparer<IComparable?>
    {
        public static readonly NullsFirstComparer Instance = new();

        public int Compare(IComparable? x, IComparable? y) =>
            x is null ? (y is null ? 0 : -1) : y is null ? 1 : x is string a && y is string b ? string.Compare(a, b, StringComparison.OrdinalIgnoreCase) : x.CompareTo(y);
    }
}
