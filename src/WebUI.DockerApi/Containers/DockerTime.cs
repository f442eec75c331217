using System.Globalization;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker's time strings: RFC 3339 in UTC with the fraction, and "0001-01-01T00:00:00Z" for never.</summary>
internal static class DockerTime
{
    public static string Format(DateTimeOffset t) => t == default || t.Year <= 1
        ? "0001-01-01T00:00:00Z"
        : t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seconds since the epoch with an optional fraction, or an RFC 3339 time (logs --since/--until).</summary>
    public static DateTimeOffset? Parse(string? value, string name)
    {
        if (value is null or "" or "0") return null;
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw WebUI.Engine.Errors.EngineException.Invalid($"invalid value for {name}: {value}");
    }
}
