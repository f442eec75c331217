using Microsoft.Extensions.DependencyInjection;
using WebUI.Components.Pages.Containers;
using WebUI.Engine.Containers;
using WebUI.Engine.Recording;

namespace WebUI.Tests.Pages;

public sealed class ContainerRecordingsTests : DashboardTestContext
{
    private const string Cast = "{\"version\":2,\"width\":80,\"height\":24}\n[0.1,\"o\",\"hi\\r\\n\"]\n";

    private RecordingInfo Add(ContainerRecord c, string user, int? exitCode)
    {
        var info = new RecordingInfo
        {
            Id = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContainerId = c.Id, User = user, Command = "sh",
            Started = DateTimeOffset.UtcNow, Ended = exitCode is null ? null : DateTimeOffset.UtcNow, ExitCode = exitCode, Size = 2048,
        };
        Recordings.Add(info, Cast);
        return info;
    }

    [Fact]
    public void Lists_who_ran_what_and_how_it_ended()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        Add(c, "alice", 3);
        Add(c, "docker-api (uid 0)", null);

        var tab = Render<ContainerRecordings>(p => p.Add(x => x.ContainerId, c.Id));

        var rows = tab.FindAll("[data-testid=recording]");
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("alice") && r.TextContent.Contains("exit code 3"));
        Assert.Contains(rows, r => r.TextContent.Contains("docker-api (uid 0)") && r.TextContent.Contains("running"));
    }

    [Fact]
    public void Without_recordings_says_so()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var tab = Render<ContainerRecordings>(p => p.Add(x => x.ContainerId, c.Id));
        Assert.NotNull(tab.Find("[data-testid=recordings-empty]"));
    }

    [Fact]
    public void Replay_hands_the_recording_to_the_player()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        Add(c, "alice", 0);
        var tab = Render<ContainerRecordings>(p => p.Add(x => x.ContainerId, c.Id));

        tab.Find("[data-testid=recording-replay]").Click();

        var call = JSInterop.Invocations["webuiTerminal.replay"].Single();
        Assert.Equal(Cast, call.Arguments[1]);
    }

    [Fact]
    public void A_viewer_sees_the_list_but_cannot_replay()
    {
        Services.AddSingleton<WebUI.Identity.IUserAccess>(new WebUI.Tests.Identity.SignedInUserAccess("viewer", WebUI.Identity.Policies.Viewer));
        var c = Containers.Add("web", ContainerStatus.Running);
        Add(c, "alice", 0);
        var tab = Render<ContainerRecordings>(p => p.Add(x => x.ContainerId, c.Id));

        tab.Find("[data-testid=recording-replay]").Click();

        Assert.Contains("needs Operator", tab.Find("[data-testid=error]").TextContent);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "webuiTerminal.replay");
    }
}
