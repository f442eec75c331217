using WebUI.Engine.Errors;
using WebUI.Engine.Events;

namespace WebUI.DockerApi.Events;

/// <summary>
/// Docker's event filters (daemon/events/filter.go): keys are AND-ed; the values of type, event, container, image, volume,
/// network, daemon and scope are OR-ed, the values of label are AND-ed (every label must match). container, volume,
/// network and daemon match an id or a name by prefix; image matches an id or name exactly or without its tag.
/// </summary>
internal sealed class EventFilter
{
    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal)
    {
        "container", "daemon", "event", "image", "label", "network", "node", "plugin", "scope", "type", "volume", "config", "secret", "service",
    };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _filters;

    /// <exception cref="EngineException">A key Docker does not know (InvalidArgument, as Docker's "invalid filter").</exception>
    public EventFilter(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var key in filters.Keys)
            if (!Accepted.Contains(key)) throw EngineException.Invalid($"invalid filter '{key}'");
        _filters = filters;
    }

    public bool Matches(EngineEvent e)
    {
        foreach (var (key, values) in _filters)
        {
            if (values.Count == 0) continue;
            var ok = key switch
            {
                "type" => values.Contains(e.Type),
                "event" => values.Any(v => v == e.Action || e.Action.StartsWith(v + ":", StringComparison.Ordinal)),
                "container" => e.Type == "container" && values.Any(v => MatchesActor(e, v)),
                "image" => values.Any(v => MatchesImage(e, v)),
                "volume" => e.Type == "volume" && values.Any(v => MatchesActor(e, v)),
                "network" => e.Type == "network" && values.Any(v => MatchesActor(e, v)),
                "daemon" => e.Type == "daemon" && values.Any(v => MatchesActor(e, v)),
                // Every event of this engine is local; swarm's scope never matches.
                "scope" => values.Contains("local"),
                "label" => values.All(v => MatchesLabel(e, v)),
                // node, plugin, config, secret and service name things this engine has no events for.
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool MatchesActor(EngineEvent e, string value) =>
        e.ActorId.StartsWith(value, StringComparison.Ordinal) || (Attribute(e, "name")?.StartsWith(value, StringComparison.Ordinal) ?? false);

    private static bool MatchesImage(EngineEvent e, string value)
    {
        // An image event's actor is the image (its name in "name"); any other event names its image in "image".
        var name = Attribute(e, e.Type == "image" ? "name" : "image");
        var id = e.Type == "image" ? e.ActorId : null;
        return value == id || value == name || (name is not null && value == StripTag(name));
    }

    /// <summary>A reference without its tag ("busybox:1" → "busybox"; a registry port, a digest or an image id stays).</summary>
    private static string StripTag(string reference)
    {
        // A digest, or an image id (a container created from "sha256:…" names its image so): no tag.
        if (reference.Contains('@', StringComparison.Ordinal) || reference.StartsWith("sha256:", StringComparison.Ordinal)) return reference;
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference[..colon] : reference;
    }

    private static bool MatchesLabel(EngineEvent e, string value)
    {
        var eq = value.IndexOf('=');
        return eq < 0
            ? e.Attributes.ContainsKey(value)
            : Attribute(e, value[..eq]) == value[(eq + 1)..];
    }

    private static string? Attribute(EngineEvent e, string key) => e.Attributes.TryGetValue(key, out var v) ? v : null;
}
