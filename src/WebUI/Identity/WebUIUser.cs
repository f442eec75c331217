using Microsoft.AspNetCore.Identity;

namespace WebUI.Identity;

/// <summary>A dashboard login. A disabled user cannot sign in and loses every session at its next validation.</summary>
public sealed class WebUIUser : IdentityUser
{
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
