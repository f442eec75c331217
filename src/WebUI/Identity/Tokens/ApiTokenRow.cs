namespace WebUI.Identity.Tokens;

/// <summary>A token as listed on the Account page (never its secret).</summary>
public sealed record ApiTokenRow(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Expired);
