using Microsoft.Extensions.Options;
using WebUI.Engine.Build;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Tests.Build;

public sealed class BuildTempCleanerTests : IDisposable
{
    private readonly string _root = Path.Combine("/tmp/wte", "c" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_crashed_builds_directory_goes_but_the_image_behind_a_mounted_view_stays()
    {
        var image = Path.Combine(_root, "snapshot-fs");
        Directory.CreateDirectory(image);
        File.WriteAllText(Path.Combine(image, "keep"), "image file");
        var view = Path.Combine(_root, "data", "tmp", "build-abc", "view-1");
        Directory.CreateDirectory(view);
        File.WriteAllText(Path.Combine(_root, "data", "tmp", "build-abc", "Dockerfile"), "FROM x");
        Sys.mount(image, view, null, Sys.MS_BIND, null);

        await new BuildTempCleaner(Options.Create(new EngineOptions { DataRoot = Path.Combine(_root, "data") })).InitializeAsync(default);

        Assert.False(Directory.Exists(Path.Combine(_root, "data", "tmp", "build-abc")));
        Assert.Equal("image file", File.ReadAllText(Path.Combine(image, "keep")));
    }
}
