namespace WebUI.Identity.Tokens;

/// <summary>A new token: the text is shown once, never again.</summary>
public sealed record CreatedApiToken(string Id, string Name, string Token, DateTimeOffset? ExpiresAt);
