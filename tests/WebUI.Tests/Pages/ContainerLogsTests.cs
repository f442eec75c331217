using WebUI.Components.Pages.Containers;
using WebUI.Engine.Containers;

namespace WebUI.Tests.Pages;

public sealed class ContainerLogsTests : DashboardTestContext
{
    [Fact]
    public void Lines_arrive_live_and_stderr_is_marked()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var logs = Render<ContainerLogs>(p => p.Add(x => x.ContainerId, c.Id));

        Containers.Log(c.Id, LogStream.Stdout, "hello");
        Containers.Log(c.Id, LogStream.Stderr, "warning: disk");

        logs.WaitForAssertion(() => Assert.Equal(2, logs.FindAll(".webui-log-line").Count));
        Assert.Equal("warning: disk", logs.Find(".webui-log-stderr").TextContent);
        Assert.NotEmpty(logs.FindAll("[data-testid=logs-live]"));
    }

    [Fact]
    public void Search_highlights_matches()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var logs = Render<ContainerLogs>(p => p.Add(x => x.ContainerId, c.Id));
        Containers.Log(c.Id, LogStream.Stdout, "GET /index 200");
        Containers.Log(c.Id, LogStream.Stdout, "GET /missing 404");
        logs.WaitForAssertion(() => Assert.Equal(2, logs.FindAll(".webui-log-line").Count));

        logs.Find("input[data-testid=logs-search]").Input("404");

        logs.WaitForAssertion(() => Assert.Equal("404", Assert.Single(logs.FindAll("mark")).TextContent), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Download_sends_the_shown_lines_to_the_browser()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var logs = Render<ContainerLogs>(p => p.Add(x => x.ContainerId, c.Id));
        Containers.Log(c.Id, LogStream.Stdout, "one");
        Containers.Log(c.Id, LogStream.Stdout, "two");
        logs.WaitForAssertion(() => Assert.Equal(2, logs.FindAll(".webui-log-line").Count));

        logs.Find("button[data-testid=logs-download]").Click();

        logs.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "webui.downloadText"));
        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "webui.downloadText");
        Assert.Equal($"{c.Id[..12]}.log", call.Arguments[0]);
        Assert.Equal("one\ntwo\n", call.Arguments[1]);
    }
}
