using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace WebUI.Identity.Tests;

/// <summary>The identity services with <see cref="AuditCommitCounter"/> added to webui.db's context, to see how the audit writer commits.</summary>
public sealed class AuditCountingHost : IdentityHost
{
    public AuditCommitCounter Counter { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.ConfigureDbContext<WebUIDbContext>((_, db) => db.AddInterceptors(Counter), ServiceLifetime.Singleton);
}
