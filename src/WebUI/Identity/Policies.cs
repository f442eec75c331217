using Microsoft.AspNetCore.Authorization;

namespace WebUI.Identity;

/// <summary>
/// The one place that says which role may do what. Pages declare a policy ([Authorize(Policy = Policies.Operator)]),
/// services demand one (<see cref="IUserAccess"/>); anything without a declaration needs a signed-in user (the fallback),
/// so a new route is closed until someone opens it on purpose.
/// </summary>
public static class Policies
{
    /// <summary>Any role: read-only views.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Operator or Admin: changes to containers, images, volumes.</summary>
    public const string Operator = "Operator";

    /// <summary>Admin only: users, audit log, settings.</summary>
    public const string Admin = "Admin";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Viewer, Roles.Operator, Roles.Admin));
        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
