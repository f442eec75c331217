using System.Globalization;
using WebUI.Engine.References;

namespace WebUI.Services;

/// <summary>How the dashboard writes ids, sizes, names and times, in one place.</summary>
public static class Formats
{
    public static string ShortId(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    /// <summary>Decimal units as docker images prints them (4.27MB).</summary>
    public static string Size(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1) { value /= 1000; unit++; }
        return unit == 0 ? $"{bytes}B" : value.ToString(value < 10 ? "0.##" : value < 100 ? "0.#" : "0", CultureInfo.InvariantCulture) + units[unit];
    }

    /// <summary>"docker.io/library/busybox:latest" → "busybox:latest"; anything unparsable as it is.</summary>
    public static string Familiar(string reference) =>
        ImageReference.TryParse(reference, out var r, out _) ? r.FamiliarString : reference;

    public static string Time(DateTimeOffset? t) =>
        t is null || t.Value.Year <= 1 ? "—" : t.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
