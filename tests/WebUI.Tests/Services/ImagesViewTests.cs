using WebUI.Engine.Events;
using WebUI.Services;
using WebUI.Tests.Engine;

namespace WebUI.Tests.Services;

public sealed class ImagesViewTests
{
    private readonly InMemoryImageService _images = new();
    private readonly ImagesView _view;

    public ImagesViewTests()
    {
        _view = new ImagesView(_images, [_images], new InMemoryDistribution(), new TestEventBus(), OperatorGuard());
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _images.Images.Add(InMemoryImageService.Image("a1", 300, t, "docker.io/library/busybox:latest"));
        _images.Images.Add(InMemoryImageService.Image("b2", 100, t.AddDays(1), "docker.io/library/alpine:3"));
        _images.Images.Add(InMemoryImageService.Image("c3", 200, t.AddDays(2)));
        _images.UsedBy[_images.Images[0].Id] = ["x", "y"];
    }

    [Fact]
    public async Task Newest_first_by_default()
    {
        var page = await _view.QueryAsync(new PageRequest(), CancellationToken.None);
        Assert.Equal(["<none>", "alpine:3", "busybox:latest"], page.Items.Select(r => r.Name));
        Assert.Equal(3, page.TotalCount);
    }

    [Theory]
    [InlineData("size", false, new[] { "alpine:3", "<none>", "busybox:latest" })]
    [InlineData("usedBy", true, new[] { "busybox:latest", "alpine:3", "<none>" })]
    [InlineData("name", false, new[] { "<none>", "alpine:3", "busybox:latest" })]
    public async Task Sorts_by_the_requested_column(string column, bool descending, string[] names)
    {
        var page = await _view.QueryAsync(new PageRequest { SortBy = column, Descending = descending }, CancellationToken.None);
        Assert.Equal(names, page.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task Pages_after_filtering_and_counts_all_matches()
    {
        var page = await _view.QueryAsync(new PageRequest { SortBy = "size", Page = 1, PageSize = 2 }, CancellationToken.None);
        Assert.Equal(["busybox:latest"], page.Items.Select(r => r.Name));
        Assert.Equal(3, page.TotalCount);

        var filtered = await _view.QueryAsync(new PageRequest { Search = "BUSY" }, CancellationToken.None);
        Assert.Equal(2, Assert.Single(filtered.Items).UsedBy);
    }

    [Fact]
    public async Task Load_reports_bytes_read_and_passes_the_engines_lines()
    {
        var reported = new List<long>();
        var lines = new List<string>();
        await foreach (var line in _view.LoadAsync(new MemoryStream(new byte[100_000]), new SyncProgress(reported.Add), CancellationToken.None))
            lines.Add(line);
        Assert.Equal(["Loaded image: loaded:latest"], lines);
        Assert.Equal(100_000, reported[^1]);
        Assert.Equal(100_000, Assert.Single(_images.LoadedBytes));
    }

    [Fact]
    public async Task Save_streams_what_the_engine_writes()
    {
        using var stream = _view.SaveStream(["busybox:latest"], CancellationToken.None);
        using var reader = new StreamReader(stream);
        Assert.Equal("tar", await reader.ReadToEndAsync());
        Assert.Equal(["busybox:latest"], Assert.Single(_images.Saved));
    }

    [Fact]
    public void Image_and_container_events_signal_a_change_others_do_not()
    {
        var bus = new TestEventBus();
        var view = new ImagesView(_images, [], new InMemoryDistribution(), bus, OperatorGuard());
        var changes = 0;
        using var _ = view.OnChange(() => changes++);
        bus.Publish("image", "tag", "x");
        bus.Publish("container", "destroy", "y");
        bus.Publish("volume", "create", "z");
        Assert.Equal(2, changes);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private static WebUI.Identity.ChangeGuard OperatorGuard() =>
        new(new WebUI.Tests.Identity.SignedInUserAccess("operator", WebUI.Identity.Policies.Viewer, WebUI.Identity.Policies.Operator), new WebUI.Tests.Identity.RecordingAuditLog());
}
