using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>Docker's network list filters (name, id, driver, label, type, scope, dangling) and prune filters (label, label!, until).</summary>
internal static class NetworkFilters
{
    private static readonly string[] ListKeys = ["name", "id", "driver", "label", "type", "scope", "dangling"];
    private static readonly string[] PruneKeys = ["label", "label!", "until"];

    public static List<NetworkRecord> Apply(IEnumerable<NetworkRecord> networks, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DateTimeOffset now)
    {
        foreach (var key in filters.Keys)
            if (!ListKeys.Contains(key)) throw EngineException.Invalid($"invalid filter '{key}'");
        return [.. networks.Where(n => filters.All(f => f.Value.Count == 0 || f.Value.Any(v => Matches(n, f.Key, v))))];
    }

    public static List<NetworkRecord> ApplyPrune(IEnumerable<NetworkRecord> networks, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DateTimeOffset now)
    {
        foreach (var key in filters.Keys)
            if (!PruneKeys.Contains(key)) throw EngineException.Invalid($"invalid filter '{key}'");
        return [.. networks.Where(n =>
            (!filters.TryGetValue("label", out var labels) || labels.All(l => HasLabel(n, l))) &&
            (!filters.TryGetValue("label!", out var notLabels) || !notLabels.Any(l => HasLabel(n, l))) &&
            (!filters.TryGetValue("until", out var until) || until.All(u => n.Created < ParseUntil(u, now))))];
    }

    private static bool Matches(NetworkRecord n, string key, string value) => key switch
    {
        // Docker matches names as substrings and ids as prefixes.
        "name" => n.Name.Contains(value, StringComparison.Ordinal),
        "id" => n.Id.StartsWith(value, StringComparison.Ordinal),
        "driver" => n.Driver == value,
        "label" => HasLabel(n, value),
        "type" => value switch
        {
            "custom" => !n.Predefined,
            "builtin" => n.Predefined,
            _ => throw EngineException.Invalid($"invalid filter: 'type'='{value}'"),
        },
        "scope" => value == "local",
        "dangling" => false,
        _ => false,
    };

    private static bool HasLabel(NetworkRecord n, string filter)
    {
        var eq = filter.IndexOf('=');
        return eq < 0 ? n.Labels.ContainsKey(filter) : n.Labels.TryGetValue(filter[..eq], out var v) && v == filter[(eq + 1)..];
    }

    /// <summary>"until": a Unix timestamp, an RFC 3339 time, or a duration like 10m / 24h before now.</summary>
    private static DateTimeOffset ParseUntil(string value, DateTimeOffset now)
    {
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var secs))
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(secs * 1000));
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)) return t;
        if (value.Length > 1 && double.TryParse(value[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            var span = value[^1] switch { 's' => TimeSpan.FromSeconds(n), 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), _ => (TimeSpan?)null };
            if (span is not null) return now - span.Value;
        }
        throw EngineException.Invalid($"invalid filter 'until={value}'");
    }
}
