using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WebUI.Audit;

namespace WebUI.Identity;

/// <summary>webui.db: users, roles, the installation state and the audit log.</summary>
public sealed class WebUIDbContext(DbContextOptions<WebUIDbContext> options) : IdentityDbContext<WebUIUser>(options)
{
    public DbSet<InstallationState> Installation => Set<InstallationState>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

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
        builder.Entity<WebUIUser>().Property(u => u.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        builder.Entity<InstallationState>().Property(s => s.SetupCompletedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
