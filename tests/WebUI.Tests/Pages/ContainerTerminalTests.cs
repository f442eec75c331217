using Microsoft.Extensions.DependencyInjection;
using WebUI.Components.Pages.Containers;
using WebUI.Engine.Containers;
using WebUI.Terminal;

namespace WebUI.Tests.Pages;

public sealed class ContainerTerminalTests : DashboardTestContext
{
    private TerminalSessions Sessions => Services.GetRequiredService<TerminalSessions>();

    [Fact]
    public void A_viewer_gets_no_terminal()
    {
        Services.AddSingleton<WebUI.Identity.IUserAccess>(new WebUI.Tests.Identity.SignedInUserAccess("viewer", WebUI.Identity.Policies.Viewer));
        var c = Containers.Add("web", ContainerStatus.Running);

        var tab = Render<ContainerTerminal>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, true));

        Assert.Contains("Operator", tab.Find("[data-testid=terminal-denied]").TextContent);
        Assert.Empty(tab.FindAll("[data-testid=terminal-open]"));
    }

    [Fact]
    public void Open_asks_the_browser_for_a_session_with_the_chosen_command_and_user()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        JSInterop.Setup<string>("webuiTerminal.open", _ => true).SetResult("session-1");
        var tab = Render<ContainerTerminal>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, true));

        tab.Find("[data-testid=terminal-command]").Change("sh -l");
        tab.Find("[data-testid=terminal-user]").Change("nobody");
        tab.Find("[data-testid=terminal-open]").Click();

        var call = JSInterop.Invocations["webuiTerminal.open"].Single();
        var request = call.Arguments[1]!;
        Assert.Equal(c.Id, request.GetType().GetProperty("containerId")!.GetValue(request));
        Assert.Equal((int)TerminalMode.Exec, request.GetType().GetProperty("mode")!.GetValue(request));
        Assert.Equal("sh -l", request.GetType().GetProperty("command")!.GetValue(request));
        Assert.Equal("nobody", request.GetType().GetProperty("user")!.GetValue(request));
    }

    [Fact]
    public async Task Lists_the_users_open_sessions_on_this_container_and_follows_their_exit()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var other = Containers.Add("db", ContainerStatus.Running);
        var mine = await Sessions.OpenAsync("admin", new TerminalOpenRequest(c.Id, TerminalMode.Exec, "sh", null, 24, 80), CancellationToken.None);
        await Sessions.OpenAsync("someone-else", new TerminalOpenRequest(c.Id, TerminalMode.Exec, "sh", null, 24, 80), CancellationToken.None);
        await Sessions.OpenAsync("admin", new TerminalOpenRequest(other.Id, TerminalMode.Exec, "sh", null, 24, 80), CancellationToken.None);

        var tab = Render<ContainerTerminal>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, true));

        var row = tab.Find("[data-testid=terminal-session]");
        Assert.Single(tab.FindAll("[data-testid=terminal-session]"));
        Assert.Equal(mine.Id, row.GetAttribute("data-session"));
        Assert.Equal("running", tab.Find("[data-testid=terminal-session-state]").TextContent);

        var execId = Execs.Attachments.Keys.First(id => Execs.GetExec(id).ContainerId == c.Id && Sessions.List("admin", c.Id).Count == 1);
        Execs.Exit(execId, 5);
        tab.WaitForAssertion(() => Assert.Equal("exited with code 5", tab.Find("[data-testid=terminal-session-state]").TextContent));

        tab.Find("[data-testid=terminal-reattach]").Click();
        Assert.Equal(mine.Id, JSInterop.Invocations["webuiTerminal.attach"].Single().Arguments[1]);
        Assert.Contains("exited with code 5", tab.Find("[data-testid=terminal-status]").TextContent);
    }

    [Fact]
    public void A_stopped_container_cannot_open_a_terminal()
    {
        var c = Containers.Add("web", ContainerStatus.Exited);
        var tab = Render<ContainerTerminal>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, false));
        Assert.True(tab.Find("[data-testid=terminal-open]").HasAttribute("disabled"));
    }
}
