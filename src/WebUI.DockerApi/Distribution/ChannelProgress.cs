using System.Threading.Channels;
using WebUI.Engine.Distribution;

namespace WebUI.DockerApi.Distribution;

/// <summary>Collects progress from the engine's parallel workers into one channel the response writer drains.</summary>
internal sealed class ChannelProgress(ChannelWriter<DistributionProgress> writer) : IProgress<DistributionProgress>
{
    public void Report(DistributionProgress value) => writer.TryWrite(value);
}
