using System.Globalization;

namespace WebUI.Audit;

/// <summary>The audit filters as query-string values (user, action, from, to as yyyy-MM-dd), shared by the page and the CSV export.</summary>
public static class AuditQueryString
{
    public static AuditFilter Filter(string? user, string? action, string? from, string? to) => new(
        string.IsNullOrWhiteSpace(user) ? null : user.Trim(),
        string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
        Day(from),
        Day(to)?.AddDays(1).AddTicks(-1));

    public static string Of(string? user, string? action, string? from, string? to)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(user)) parts.Add("user=" + Uri.EscapeDataString(user.Trim()));
        if (!string.IsNullOrWhiteSpace(action)) parts.Add("action=" + Uri.EscapeDataString(action.Trim()));
        if (Day(from) is not null) parts.Add("from=" + Uri.EscapeDataString(from!));
        if (Day(to) is not null) parts.Add("to=" + Uri.EscapeDataString(to!));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static DateTimeOffset? Day(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;
}
