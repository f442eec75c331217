using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Hosting;

/// <summary>Reads Docker API query parameters the way the daemon does (booleans "1"/"true", filters JSON in both shapes).</summary>
public static class DockerQuery
{
    /// <summary>"1", "true", "True", "yes" are true; absent, "", "0", "false" are false; anything else is a 400.</summary>
    public static bool Bool(HttpRequest request, string name, bool defaultValue = false)
    {
        var v = request.Query[name].ToString();
        if (v.Length == 0) return defaultValue;
        return v.ToLowerInvariant() switch
        {
            "1" or "true" or "yes" => true,
            "0" or "false" or "no" => false,
            _ => throw EngineException.Invalid($"invalid boolean value for {name}: {v}"),
        };
    }

    public static int? Int(HttpRequest request, string name)
    {
        var v = request.Query[name].ToString();
        if (v.Length == 0) return null;
        return int.TryParse(v, out var i) ? i : throw EngineException.Invalid($"invalid value for {name}: {v}");
    }

    public static string? String(HttpRequest request, string name)
    {
        var v = request.Query[name].ToString();
        return v.Length == 0 ? null : v;
    }

    /// <summary>Parses ?filters= (map[string][]string, or the older map[string]map[string]bool).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Filters(HttpRequest request)
    {
        var raw = request.Query["filters"].ToString();
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (raw.Length == 0) return result;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw EngineException.Invalid("invalid filter: expected a JSON object");
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var values = new List<string>();
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        foreach (var e in p.Value.EnumerateArray()) values.Add(e.GetString() ?? "");
                        break;
                    case JsonValueKind.Object:
                        foreach (var e in p.Value.EnumerateObject()) if (e.Value.ValueKind == JsonValueKind.True) values.Add(e.Name);
                        break;
                    default:
                        throw EngineException.Invalid($"invalid filter '{p.Name}'");
                }
                result[p.Name] = values;
            }
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid filter: {e.Message}");
        }
        return result;
    }
}
