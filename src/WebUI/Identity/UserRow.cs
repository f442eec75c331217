namespace WebUI.Identity;

/// <summary>A user as the Admin users page lists it.</summary>
public sealed record UserRow(string Id, string UserName, string Role, bool IsDisabled, bool IsLockedOut, DateTimeOffset CreatedAt);
