using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebUI.Audit;
using WebUI.DockerApi.Hosting;
using WebUI.Engine;

namespace WebUI.Identity;

/// <summary>Logins, roles, sessions and the audit log: the DI entry point and the middleware, for Program.cs.</summary>
public static class IdentityHostingExtensions
{
    /// <summary>Cookie name of the login session.</summary>
    public const string CookieName = "webui.session";

    public static WebApplicationBuilder AddWebUIIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddDbContextFactory<WebUIDbContext>((sp, db) =>
        {
            var dataRoot = sp.GetRequiredService<IOptions<EngineOptions>>().Value.DataRoot;
            Directory.CreateDirectory(dataRoot);
            db.UseSqlite($"Data Source={Path.Combine(dataRoot, "webui.db")}").AddInterceptors(new SqliteBusyTimeout(TimeSpan.FromSeconds(30)));
        });

        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddIdentity<WebUIUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<WebUIDbContext>()
            .AddSignInManager<WebUISignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = auth.SessionValidationInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ReturnUrlParameter = "ReturnUrl";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorization(Policies.Configure);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<IUserAccess, UserAccess>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ChangeGuard>();
        services.AddSingleton<Callers.CallerFactory>();
        services.AddSingleton<Callers.CredentialCache>();
        services.AddScoped<Callers.AdmissionAdministration>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Callers.CallerCircuitHandler>();
        services.AddSingleton<Tokens.ApiTokenService>();
        services.AddSingleton<Tokens.ApiTokenAuthenticator>();
        services.AddSingleton<IDockerApiTokenAuthenticator>(sp => sp.GetRequiredService<Tokens.ApiTokenAuthenticator>());
        services.AddScoped<Teams.TeamAdministration>();
        services.Replace(ServiceDescriptor.Scoped<WebUI.Registry.Access.IRegistryAccessPolicy, Registry.AccountRegistryAccessPolicy>());
        // In the web host every front door names its caller; an engine change without one is refused (deny by default).
        services.Configure<WebUI.Engine.Security.Admission.AdmissionOptions>(o => o.RequireCaller = true);
        services.AddSingleton<SetupGate>();
        services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.SectionName)
            .Validate(o => o.QueueCapacity > 0, $"{AuditLogOptions.SectionName}:{nameof(AuditLogOptions.QueueCapacity)} must be at least 1")
            .ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        // Stops after the web server: entries queued before a graceful stop are committed before the process exits.
        services.AddHostedService<AuditLogDrain>();
        services.TryAddSingleton(TimeProvider.System);
        // Before the server starts: hosted services registered here start before Kestrel serves.
        services.AddHostedService<IdentityDatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Call after UseRouting, before UseAntiforgery. Web requests: sign-in and authorization (deny by default).
    /// Docker API requests: no cookie login (the socket is root-only, like docker.sock; the TCP listener takes API tokens,
    /// see DockerApiCallerMiddleware); they are audited by UseWebUIAudit.
    /// </summary>
    public static WebApplication UseWebUIIdentity(this WebApplication app)
    {
        app.UseWhen(context => !DockerApiRequest.IsDockerApi(context), web =>
        {
            web.UseMiddleware<SetupClosedMiddleware>();
            web.UseAuthentication();
            web.UseAuthorization();
            web.UseMiddleware<Callers.WebCallerMiddleware>();
        });
        // WebApplication adds UseAuthentication/UseAuthorization at the very start of the pipeline (before routing, for
        // every request, the socket's included) unless it sees these flags; ours run in the web branch above instead.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;
        return app;
    }

    /// <summary>Maps the account endpoints that are not pages (logout), and the test-only endpoint list.</summary>
    public static WebApplication MapWebUIIdentity(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapAuditCsv();
        if (Environment.GetEnvironmentVariable(EndpointListEndpoint.EnvironmentVariable) == "1") app.MapEndpointList();
        return app;
    }
}
