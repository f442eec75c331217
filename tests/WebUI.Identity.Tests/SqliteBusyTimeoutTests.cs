using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Identity;

namespace WebUI.Identity.Tests;

/// <summary>webui.db's connections wait in SQLite's busy handler for another writer's lock, not in a 150 ms retry sleep.</summary>
public sealed class SqliteBusyTimeoutTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Every_context_connection_has_a_busy_timeout()
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<WebUIDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(30_000L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_write_meeting_another_writers_lock_goes_through_once_the_lock_is_released()
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<WebUIDbContext>>();
        await using (var warm = await contexts.CreateDbContextAsync()) await warm.Users.CountAsync();
        // Another connection takes the write lock (as a second writer in the server would) and releases it shortly.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(host.DataRoot, "webui.db")}");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        var release = Task.Run(async () =>
        {
            await Task.Delay(200);
            await using var commit = holder.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        });

        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        // A raw sqlite3_step: SQLITE_BUSY would surface here at once without the busy handler (no library retry loop).
        var rc = SQLitePCL.raw.sqlite3_exec(((SqliteConnection)db.Database.GetDbConnection()).Handle,
            "CREATE TABLE IF NOT EXISTS busy_probe (x INTEGER); INSERT INTO busy_probe VALUES (1);");
        await release;
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, rc);
    }
}
