using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebUI.Identity;

/// <summary>
/// Gives every connection to webui.db SQLite's own busy handler (<c>PRAGMA busy_timeout</c>). Without it a writer that
/// meets another's write lock gets SQLITE_BUSY at once, and Microsoft.Data.Sqlite retries the statement after sleeping
/// 150 ms: two audit rows written at the same moment (a container's start, attach and wait end together) held a
/// `docker run` 150 ms. SQLite's handler retries within 1-2 ms of the lock's release instead.
/// </summary>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        var rc = SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, (int)timeout.TotalMilliseconds);
        SqliteException.ThrowExceptionForRC(rc, sqlite.Handle);
    }
}
