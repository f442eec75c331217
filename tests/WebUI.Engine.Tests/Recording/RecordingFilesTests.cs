using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Recording;

namespace WebUI.Engine.Tests.Recording;

public sealed class RecordingFilesTests : IDisposable
{
    private readonly string _root = Path.Combine("/tmp/wt", "rec-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly RecordingStore _store;
    private static readonly string ContainerId = new('c', 64);

    public RecordingFilesTests()
    {
        _store = new RecordingStore(Options.Create(new EngineOptions { DataRoot = _root }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static RecordingInfo Info(string id, DateTimeOffset started) =>
        new() { Id = id, ContainerId = ContainerId, User = "alice", Command = "sh", Tty = true, Started = started };

    [Fact]
    public async Task A_session_is_written_as_asciicast_v2_with_output_input_resizes_and_its_exit_code()
    {
        var id = new string('a', 64);
        await using (var writer = new CastWriter(_store, Info(id, DateTimeOffset.UtcNow), 100, 30, 1 << 20))
        {
            var e = Encoding.UTF8.GetBytes("é");
            await writer.OutputAsync(new byte[] { (byte)'$', (byte)' ', e[0] }, CancellationToken.None);
            await writer.OutputAsync(new byte[] { e[1] }, CancellationToken.None);
            await writer.InputAsync("ls\r"u8.ToArray(), CancellationToken.None);
            await writer.ResizeAsync(40, 120, CancellationToken.None);
            await writer.ExitedAsync(3);
        }

        var lines = (await _store.ReadAsync(ContainerId, id, CancellationToken.None)).TrimEnd('\n').Split('\n');
        using var header = JsonDocument.Parse(lines[0]);
        Assert.Equal(2, header.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(100, header.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(30, header.RootElement.GetProperty("height").GetInt32());
        var events = lines[1..].Select(l => JsonSerializer.Deserialize<JsonElement[]>(l)!).ToList();
        Assert.Equal(["o:$ ", "o:é", "i:ls\r", "r:120x40"], events.Select(ev => ev[1].GetString() + ":" + ev[2].GetString()));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First[0].GetDouble() <= p.Second[0].GetDouble()));

        var info = Assert.Single(_store.List(ContainerId));
        Assert.Equal((3, "alice", false), (info.ExitCode, info.User, info.Truncated));
        Assert.Equal(new FileInfo(_store.CastPath(ContainerId, id)).Length, info.Size);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.CastPath(ContainerId, id)));
    }

    [Fact]
    public async Task Events_queued_without_waiting_land_in_the_file_whole_and_in_order_and_an_awaited_one_is_there_at_once()
    {
        // The stdio path does not await the recording (it must not sit between a keystroke and its echo): a burst of
        // unawaited events is still written whole and in order, and an awaited event is in the file when its task ends.
        var id = new string('f', 64);
        await using (var writer = new CastWriter(_store, Info(id, DateTimeOffset.UtcNow), 80, 24, 1 << 20))
        {
            for (var i = 0; i < 500; i++)
            {
                _ = writer.InputAsync(Encoding.UTF8.GetBytes($"k{i};"), CancellationToken.None);
                _ = writer.OutputAsync(Encoding.UTF8.GetBytes($"e{i};"), CancellationToken.None);
            }
            await writer.OutputAsync("end"u8.ToArray(), CancellationToken.None);
            var sofar = (await _store.ReadAsync(ContainerId, id, CancellationToken.None)).TrimEnd('\n').Split('\n');
            Assert.Equal("end", JsonSerializer.Deserialize<JsonElement[]>(sofar[^1])![2].GetString());
            for (var i = 0; i < 100; i++) _ = writer.OutputAsync(Encoding.UTF8.GetBytes($"t{i};"), CancellationToken.None);
        }
        var events = (await _store.ReadAsync(ContainerId, id, CancellationToken.None)).TrimEnd('\n').Split('\n')[1..]
            .Select(l => JsonSerializer.Deserialize<JsonElement[]>(l)!).ToList();
        string[] expected = [.. Enumerable.Range(0, 500).SelectMany(i => new[] { $"i:k{i};", $"o:e{i};" }), "o:end", .. Enumerable.Range(0, 100).Select(i => $"o:t{i};")];
        Assert.Equal(expected, events.Select(ev => ev[1].GetString() + ":" + ev[2].GetString()));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First[0].GetDouble() <= p.Second[0].GetDouble()));
        Assert.Equal(new FileInfo(_store.CastPath(ContainerId, id)).Length, Assert.Single(_store.List(ContainerId)).Size);
    }

    [Fact]
    public async Task A_recording_stops_at_its_size_limit_and_says_truncated()
    {
        var id = new string('b', 64);
        await using (var writer = new CastWriter(_store, Info(id, DateTimeOffset.UtcNow), 80, 24, 300))
        {
            for (var i = 0; i < 20; i++) await writer.OutputAsync(Encoding.UTF8.GetBytes(new string('x', 40)), CancellationToken.None);
        }
        Assert.True(new FileInfo(_store.CastPath(ContainerId, id)).Length <= 300);
        Assert.True(Assert.Single(_store.List(ContainerId)).Truncated);
    }

    [Fact]
    public async Task Ids_from_outside_never_become_paths()
    {
        var bad = await Assert.ThrowsAsync<EngineException>(() => _store.ReadAsync(ContainerId, "../../etc/passwd", CancellationToken.None));
        Assert.Equal(ErrorKind.InvalidArgument, bad.Kind);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<EngineException>(() => _store.List("../x")).Kind);
        var missing = await Assert.ThrowsAsync<EngineException>(() => _store.ReadAsync(ContainerId, new string('d', 64), CancellationToken.None));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        var id = new string('e', 64);
        await using (new CastWriter(_store, Info(id, DateTimeOffset.UtcNow), 80, 24, 1000)) { }
        Assert.Throws<IOException>(() => new CastWriter(_store, Info(id, DateTimeOffset.UtcNow), 80, 24, 1000));
    }

    [Fact]
    public async Task Retention_deletes_recordings_past_their_days_then_the_oldest_over_the_size_limit_but_never_a_running_one()
    {
        var now = DateTimeOffset.UtcNow;
        CastWriter? running = null;
        async Task Make(char c, DateTimeOffset started, bool end)
        {
            var writer = new CastWriter(_store, Info(new string(c, 64), started), 80, 24, 1 << 20);
            await writer.OutputAsync(Encoding.UTF8.GetBytes(new string('x', 1000)), CancellationToken.None);
            if (!end)
            {
                running = writer; // still running: no end recorded
                return;
            }
            await writer.ExitedAsync(0);
            await writer.DisposeAsync();
        }
        await Make('1', now.AddDays(-40), end: true);
        await Make('2', now.AddDays(-3), end: true);
        await Make('3', now.AddDays(-2), end: true);
        await Make('4', now.AddDays(-1), end: true);
        await Make('5', now.AddDays(-50), end: false);
        var one = _store.All().First(r => r.Info.Id[0] == '4').Bytes;

        var retention = new RecordingRetention(_store, Options.Create(new RecordingOptions { RetentionDays = 30, MaxTotalBytes = one * 2 + _store.All().First(r => r.Info.Id[0] == '5').Bytes }),
            TimeProvider.System, NullLogger<RecordingRetention>.Instance);
        Assert.Equal(2, retention.Sweep());

        Assert.Equal(["3", "4", "5"], _store.List(ContainerId).Select(r => r.Id[..1]).Order());
        await running!.DisposeAsync();
    }
}
