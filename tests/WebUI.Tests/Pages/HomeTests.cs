using Microsoft.Extensions.DependencyInjection;
using WebUI.Components.Pages;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Tests.Engine;

namespace WebUI.Tests.Pages;

public sealed class HomeTests : DashboardTestContext
{
    [Fact]
    public void Shows_counts_of_images_volumes_networks_and_containers_by_state()
    {
        Networks.Add("bridge", predefined: true);
        Networks.Add("backend");
        Images.Images.Add(InMemoryImageService.Image("a", 1_000_000, DateTimeOffset.UtcNow, "docker.io/library/busybox:latest"));
        Images.Images.Add(InMemoryImageService.Image("b", 2_000_000, DateTimeOffset.UtcNow));
        Volumes.Add("data");
        Containers.Add("web", ContainerStatus.Running);
        Containers.Add("job", ContainerStatus.Exited);
        Containers.Add("api", ContainerStatus.Running);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=image-count]").TextContent));
        Assert.Equal("1", page.Find("[data-testid=volume-count]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=network-count]").TextContent);
        Assert.Equal("3", page.Find("[data-testid=container-count]").TextContent);
        Assert.Contains("2 running", page.Find("[data-testid=state-running]").TextContent);
        Assert.Contains("1 exited", page.Find("[data-testid=state-exited]").TextContent);
        Assert.Contains("3MB", page.Markup);
    }

    [Fact]
    public void Shows_a_progress_indicator_until_the_engine_answers()
    {
        Images.ListGate = new TaskCompletionSource();
        var page = Render<Home>();
        Assert.NotEmpty(page.FindAll("[data-testid=loading]"));

        Images.ListGate.SetResult();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=loading]")));
        Assert.Equal("0", page.Find("[data-testid=image-count]").TextContent);
    }

    [Fact]
    public void Shows_the_failure_in_plain_words()
    {
        Images.Failure = new EngineException(ErrorKind.Internal, "image store is unreadable");
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Contains("image store is unreadable", page.Find("[data-testid=error]").TextContent));
        Assert.DoesNotContain("   at ", page.Markup);
    }

    [Fact]
    public void New_events_appear_live_and_counts_follow_them()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-events]"));

        Volumes.Add("fresh");
        Events.Publish("volume", "create", "fresh");

        page.WaitForAssertion(() => Assert.Contains("create", page.Find("[data-testid=events]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=volume-count]").TextContent));
    }

    [Fact]
    public void The_feed_and_the_counts_are_the_pages_users_not_the_engines()
    {
        SignInAsViewer();
        var page = Render<Home>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-events]"));

        // Published by the engine itself (no caller: it sees every team's): another team's volume and its event, then a shared one.
        Volumes.Add("theirs", (WebUI.Engine.Security.Admission.TeamScope.Label, "other-team"));
        Events.Publish("volume", "create", "theirs", (WebUI.Engine.Security.Admission.TeamScope.Label, "other-team"));
        Volumes.Add("shared");
        Events.Publish("volume", "create", "shared");

        page.WaitForAssertion(() => Assert.Contains("shared", page.Find("[data-testid=events]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=volume-count]").TextContent));
        Assert.DoesNotContain("theirs", page.Find("[data-testid=events]").TextContent);
    }

    [Fact]
    public async Task Leaving_the_page_ends_its_subscription()
    {
        // The server-wide container change count (one subscription for the server's lifetime) is not the page's.
        Services.GetRequiredService<WebUI.Services.ContainerChanges>();
        var before = Events.HandlerCount;
        var page = Render<Home>();
        page.WaitForAssertion(() => page.Find("[data-testid=image-count]"));
        Assert.Equal(before + 1, Events.HandlerCount);
        await DisposeComponentsAsync();
        Assert.Equal(before, Events.HandlerCount);
    }
}
