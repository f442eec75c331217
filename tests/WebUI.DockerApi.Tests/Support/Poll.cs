namespace WebUI.DockerApi.Tests.Support;

/// <summary>Waits on a condition instead of sleeping: polls it until it holds or the timeout passes.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what ?? "condition"} not met in {limit.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
