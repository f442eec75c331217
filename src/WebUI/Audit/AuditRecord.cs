namespace WebUI.Audit;

/// <summary>What a caller hands to <see cref="IAuditLog"/>; the time is added by the log.</summary>
public sealed record AuditRecord(
    string UserName,
    string Action,
    string? Resource,
    string Result,
    string FrontDoor,
    string? Source,
    string? Detail = null);
