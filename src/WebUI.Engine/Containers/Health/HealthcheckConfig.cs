using System.Text.Json;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers.Health;

/// <summary>
/// Docker's Healthcheck (Config.Healthcheck, the image's HEALTHCHECK): Test ["CMD", args...] / ["CMD-SHELL", command] /
/// ["NONE"], durations in nanoseconds (0: the default), Retries (0: 3).
/// </summary>
public sealed record HealthcheckConfig(IReadOnlyList<string> Test, TimeSpan Interval, TimeSpan Timeout, TimeSpan StartPeriod, TimeSpan StartInterval, int Retries)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultStartInterval = TimeSpan.FromSeconds(5);
    public const int DefaultRetries = 3;

    /// <summary>The effective check of a container, or null when it has none (no Test, or ["NONE"]).</summary>
    public static HealthcheckConfig? From(JsonElement? healthcheck)
    {
        if (healthcheck is not { ValueKind: JsonValueKind.Object } h) return null;
        var test = h.TryGetProperty("Test", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        if (test.Count == 0 || test[0] == "NONE") return null;
        return new HealthcheckConfig(test,
            Duration(h, "Interval", DefaultInterval), Duration(h, "Timeout", DefaultTimeout),
            Duration(h, "StartPeriod", TimeSpan.Zero), Duration(h, "StartInterval", DefaultStartInterval),
            h.TryGetProperty("Retries", out var r) && r.TryGetInt32(out var n) && n > 0 ? n : DefaultRetries);
    }

    /// <summary>Docker's create-time merge: the container's fields win, the image fills what the container left empty.</summary>
    public static JsonElement? Merge(JsonElement? container, JsonElement? image)
    {
        if (container is not { ValueKind: JsonValueKind.Object } c) return image is { ValueKind: JsonValueKind.Object } ? image : container;
        if (image is not { ValueKind: JsonValueKind.Object } i) return container;
        var merged = new Dictionary<string, JsonElement>();
        foreach (var p in i.EnumerateObject()) merged[p.Name] = p.Value;
        foreach (var p in c.EnumerateObject())
        {
            var empty = p.Value.ValueKind switch
            {
                JsonValueKind.Array => p.Value.GetArrayLength() == 0,
                JsonValueKind.Number => p.Value.TryGetInt64(out var v) && v == 0,
                JsonValueKind.Null => true,
                _ => false,
            };
            if (!empty || !merged.ContainsKey(p.Name)) merged[p.Name] = p.Value;
        }
        return JsonSerializer.SerializeToElement(merged);
    }

    /// <summary>The probe's command line: CMD runs its arguments, CMD-SHELL runs through the container's shell.</summary>
    public List<string> Command(IReadOnlyList<string>? shell) => Test[0] switch
    {
        "CMD" when Test.Count > 1 => [.. Test.Skip(1)],
        "CMD-SHELL" when Test.Count > 1 => [.. shell is { Count: > 0 } ? shell : ["/bin/sh", "-c"], Test[1]],
        _ => throw EngineException.Invalid($"invalid healthcheck test: {string.Join(' ', Test)}"),
    };

    private static TimeSpan Duration(JsonElement h, string name, TimeSpan fallback) =>
        h.TryGetProperty(name, out var d) && d.TryGetInt64(out var ns) && ns > 0 ? TimeSpan.FromTicks(ns / 100) : fallback;
}
