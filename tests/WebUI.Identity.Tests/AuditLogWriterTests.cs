using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Audit;

namespace WebUI.Identity.Tests;

/// <summary>The audit log's single writer: batches, commits before RecordAsync completes, reads see queued entries, a stop drains.</summary>
public sealed class AuditLogWriterTests(AuditCountingHost host) : IClassFixture<AuditCountingHost>
{
    private IAuditLog Audit => host.Services.GetRequiredService<IAuditLog>();

    private static AuditRecord Record(string user, int i) =>
        new(user, "test.audit-writer", $"r{i}", AuditResults.Success, FrontDoors.Dashboard, "127.0.0.1", $"entry {i}");

    private static string NewUser(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Rows of <paramref name="user"/> read straight from webui.db, past the audit log and its wait for the queue.</summary>
    private static long CommittedRows(string dataRoot, string user)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataRoot, "webui.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditEntries WHERE UserName = $user";
        command.Parameters.AddWithValue("$user", user);
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Many_concurrent_records_land_exactly_once_in_far_fewer_commits_than_records()
    {
        const int records = 500;
        var user = NewUser("batch");
        var before = host.Counter.Commits;
        await Task.WhenAll(Enumerable.Range(0, records).Select(i => Task.Run(() => Audit.RecordAsync(Record(user, i), CancellationToken.None))));
        var commits = host.Counter.Commits - before;

        // Every RecordAsync completed after its commit: the rows are in the file, whoever reads it.
        Assert.Equal(records, CommittedRows(host.DataRoot, user));
        var (items, total) = await Audit.QueryAsync(new AuditFilter(UserName: user), 0, records * 2, CancellationToken.None);
        Assert.Equal(records, total);
        Assert.Equal(Enumerable.Range(0, records).Select(i => $"r{i}").Order(), items.Select(e => e.Resource!).Order());
        Assert.All(items, e => Assert.Equal(($"entry {e.Resource![1..]}", "127.0.0.1", FrontDoors.Dashboard, AuditResults.Success), (e.Detail, e.Source, e.FrontDoor, e.Result)));
        // One writer commits what is queued as one batch: a commit per record would be 500.
        Assert.InRange(commits, 1, records / 2);
    }

    [Fact]
    public async Task Record_completes_only_once_the_row_is_committed()
    {
        var user = NewUser("durable");
        for (var i = 0; i < 20; i++)
        {
            await Audit.RecordAsync(Record(user, i), CancellationToken.None);
            Assert.Equal(i + 1, CommittedRows(host.DataRoot, user));
        }
    }

    [Fact]
    public async Task An_entry_queued_and_then_read_at_once_is_seen_by_the_query_and_the_stream()
    {
        var user = NewUser("ryw");
        for (var i = 0; i < 50; i++)
        {
            // Queued, not awaited to its commit (as the Docker API's recorder does), then read with no wait in between.
            await Audit.QueueAsync(Record(user, i), CancellationToken.None);
            var (items, total) = await Audit.QueryAsync(new AuditFilter(UserName: user), 0, 1, CancellationToken.None);
            Assert.Equal(i + 1, total);
            Assert.Equal($"r{i}", Assert.Single(items).Resource);

            await Audit.QueueAsync(Record(user + "-s", i), CancellationToken.None);
            var streamed = 0;
            await foreach (var entry in Audit.StreamAsync(new AuditFilter(UserName: user + "-s"), CancellationToken.None))
                streamed++;
            Assert.Equal(i + 1, streamed);
        }
    }

    [Fact]
    public async Task Stopping_commits_every_entry_queued_before_the_stop()
    {
        const int records = 300;
        var stopped = new IdentityHost();
        await stopped.InitializeAsync();
        try
        {
            var audit = stopped.Services.GetRequiredService<IAuditLog>();
            var user = NewUser("drain");
            foreach (var i in Enumerable.Range(0, records))
                await audit.QueueAsync(Record(user, i), CancellationToken.None);
            await stopped.StopAsync();

            Assert.Equal(records, CommittedRows(stopped.DataRoot, user));
            // After the stop an entry cannot be written any more: logged, never thrown at the caller.
            await audit.RecordAsync(Record(user, records), CancellationToken.None);
            await audit.QueueAsync(Record(user, records + 1), CancellationToken.None);
            Assert.Equal(records, CommittedRows(stopped.DataRoot, user));
        }
        finally
        {
            await stopped.DisposeAsync();
        }
    }
}
