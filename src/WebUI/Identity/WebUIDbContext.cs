using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WebUI.Audit;

namespace WebUI.Identity;

/// <summary>webui.db: users, roles, the installation state, the audit log, API tokens and teams.</summary>
public sealed class WebUIDbContext(DbContextOptions<WebUIDbContext> options) : IdentityDbContext<WebUIUser>(options)
{
    public DbSet<InstallationState> Installation => Set<InstallationState>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Tokens.ApiToken> ApiTokens => Set<Tokens.ApiToken>();

    public DbSet<Teams.Team> Teams => Set<Teams.Team>();

    public DbSet<Teams.TeamMembership> TeamMemberships => Set<Teams.TeamMembership>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<InstallationState>().Property(s => s.Id).ValueGeneratedNever();
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.UserName);
            e.HasIndex(a => a.Action);
            // SQLite cannot order or compare DateTimeOffset; store UTC ticks, which sort as time does.
            e.Property(a => a.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        builder.Entity<Tokens.ApiToken>(e =>
        {
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.UserId);
            e.HasOne<WebUIUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(t => t.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            e.Property(t => t.ExpiresAt).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
            e.Property(t => t.RevokedAt).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
        });
        builder.Entity<Teams.Team>(e =>
        {
            e.HasKey(t => t.Name);
            e.Property(t => t.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        builder.Entity<Teams.TeamMembership>(e =>
        {
            e.HasKey(m => new { m.TeamName, m.UserId });
            e.HasIndex(m => m.UserId);
            e.HasOne<Teams.Team>().WithMany().HasForeignKey(m => m.TeamName).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WebUIUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<WebUIUser>().Property(u => u.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        builder.Entity<InstallationState>().Property(s => s.SetupCompletedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
