namespace WebUI.Identity;

/// <summary>Logins and sessions; bound from the "Auth" section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// When set and no user exists yet, the first start creates the user "admin" (Admin role) with this password.
    /// When not set, the first start prints a one-time setup code to the log instead and /setup creates the admin.
    /// </summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>How often a session (cookie or live circuit) is re-checked against the user store: a changed password, role or a disabled user ends it then.</summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a user stays locked out after <see cref="MaxFailedAccessAttempts"/> wrong passwords in a row.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;
}
