namespace WebUI.Audit;

/// <summary>What the audit page asks for: all optional; the dates are inclusive bounds in UTC.</summary>
public sealed record AuditFilter(string? UserName = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
