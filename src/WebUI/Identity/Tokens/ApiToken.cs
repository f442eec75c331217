namespace WebUI.Identity.Tokens;

/// <summary>
/// A personal access token: the secret is shown once and only its SHA-256 is kept; <see cref="Id"/> (the public part of
/// the token) finds the row. Bound to a user, so it carries that user's role and teams as they are now.
/// </summary>
public sealed class ApiToken
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of the whole token text.</summary>
    public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
