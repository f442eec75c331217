using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Components.Pages.Containers;
using WebUI.Engine.Containers;

namespace WebUI.Tests.Pages;

public sealed class ContainerDetailsPageTests : DashboardTestContext
{
    [Fact]
    public void Shows_overview_and_inspect_json_of_the_container()
    {
        var c = Containers.Add("web", ContainerStatus.Running, "busybox:latest", ("team", "a"));
        c.Config.Env = ["PATH=/bin"];

        var page = Render<ContainerDetailsPage>(p => p.Add(x => x.Id, "web"));

        Assert.Equal("web", page.Find("[data-testid=container-name]").TextContent);
        Assert.Equal("running", page.Find("[data-testid=container-state]").TextContent);
        Assert.Contains(c.Id, page.Find("[data-testid=overview]").TextContent);
        Assert.Contains("PATH=/bin", page.Find("[data-testid=overview]").TextContent);
        Assert.Contains("\"Image\": \"busybox:latest\"", page.Find("[data-testid=inspect-json]").TextContent);
    }

    [Fact]
    public void An_unknown_container_is_explained_not_thrown()
    {
        var page = Render<ContainerDetailsPage>(p => p.Add(x => x.Id, "ghost"));
        Assert.Contains("There is no container ghost", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void Stop_asks_first_and_the_state_follows_the_engine_event()
    {
        Containers.Add("web", ContainerStatus.Running);
        var dialogs = RenderProviders();
        var page = Render<ContainerDetailsPage>(p => p.Add(x => x.Id, "web"));

        page.Find("[data-testid=action-stop]").Click();
        Assert.Empty(Containers.Calls);
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Equal("exited", page.Find("[data-testid=container-state]").TextContent));
        Assert.Equal(["stop web"], Containers.Calls);
    }

    [Fact]
    public void Remove_goes_back_to_the_list()
    {
        Containers.Add("old", ContainerStatus.Exited);
        var dialogs = RenderProviders();
        var page = Render<ContainerDetailsPage>(p => p.Add(x => x.Id, "old"));

        page.Find("[data-testid=action-remove]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/containers", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal(["remove old"], Containers.Calls);
    }
}
