using WebUI.Engine.Events;

namespace WebUI.DockerApi.Events;

/// <summary>Docker's event filters: type, event, container, image, volume, network, label; values of one key are OR-ed, keys AND-ed.</summary>
internal sealed class EventFilter(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
{
    public bool Matches(EngineEvent e)
    {
        foreach (var (key, values) in filters)
        {
            if (values.Count == 0) continue;
            var ok = key switch
            {
                "type" => values.Contains(e.Type),
                "event" => values.Any(v => v == e.Action || e.Action.StartsWith(v + ":", StringComparison.Ordinal)),
                "container" => e.Type == "container" && values.Any(v => MatchesActor(e, v)),
                "image" => values.Any(v => e.Type == "image" ? MatchesActor(e, v) : Attribute(e, "image") == v),
                "volume" => e.Type == "volume" && values.Any(v => MatchesActor(e, v)),
                "network" => e.Type == "network" && values.Any(v => MatchesActor(e, v)),
                "label" => values.Any(v => MatchesLabel(e, v)),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool MatchesActor(EngineEvent e, string value) =>
        e.ActorId.StartsWith(value, StringComparison.Ordinal) || Attribute(e, "name") == value;

    private static bool MatchesLabel(EngineEvent e, string value)
    {
        var eq = value.IndexOf('=');
        return eq < 0
            ? e.Attributes.ContainsKey(value)
            : Attribute(e, value[..eq]) == value[(eq + 1)..];
    }

    private static string? Attribute(EngineEvent e, string key) => e.Attributes.TryGetValue(key, out var v) ? v : null;
}
