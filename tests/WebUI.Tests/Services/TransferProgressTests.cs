using WebUI.Engine.Distribution;
using WebUI.Services;

namespace WebUI.Tests.Services;

public sealed class TransferProgressTests
{
    [Fact]
    public void Builds_one_row_per_layer_with_its_latest_status_and_bytes()
    {
        var board = new TransferProgress();
        board.Apply(new DistributionProgress("Pulling from library/busybox", "latest"));
        board.Apply(new DistributionProgress("Pulling fs layer", "a1b2c3d4e5f6"));
        board.Apply(new DistributionProgress("Pulling fs layer", "0f0f0f0f0f0f"));
        board.Apply(new DistributionProgress("Downloading", "a1b2c3d4e5f6", 500, 1000));
        board.Apply(new DistributionProgress("Already exists", "0f0f0f0f0f0f"));
        board.Apply(new DistributionProgress("Pull complete", "a1b2c3d4e5f6"));
        board.Apply(new DistributionProgress("Digest: sha256:abc"));

        Assert.Equal(["a1b2c3d4e5f6", "0f0f0f0f0f0f"], board.Layers.Select(l => l.Id));
        var first = board.Layers[0];
        Assert.Equal("Pull complete", first.Status);
        Assert.Equal(100, first.Percent);
        Assert.Equal("Already exists", board.Layers[1].Status);
        Assert.Null(board.Layers[1].Percent);
        Assert.Equal(["latest: Pulling from library/busybox"], board.Header);
        Assert.Equal(["Digest: sha256:abc"], board.Footer);
        Assert.False(board.HasOutcome);
        board.Apply(new DistributionProgress("Status: Downloaded newer image for busybox:latest"));
        Assert.True(board.HasOutcome);
    }
}
