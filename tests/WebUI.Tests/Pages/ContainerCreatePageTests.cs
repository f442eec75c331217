using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Components.Pages.Containers;
using WebUI.Tests.Engine;

namespace WebUI.Tests.Pages;

public sealed class ContainerCreatePageTests : DashboardTestContext
{
    private IRenderedComponent<ContainerCreatePage> RenderForm(string image)
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("image", image));
        return Render<ContainerCreatePage>();
    }

    [Fact]
    public void Running_from_the_form_creates_with_the_fields_starts_and_opens_the_container()
    {
        Images.Images.Add(InMemoryImageService.Image("a", 1, DateTimeOffset.UtcNow, "docker.io/library/busybox:latest"));
        RenderProviders();
        var page = RenderForm("busybox:latest");
        page.WaitForElement("[data-testid=run-name]");

        page.Find("[data-testid=run-name]").Change("web");
        page.Find("[data-testid=run-command]").Change("sh -c 'echo hi; sleep 9'");
        page.FindAll("textarea")[0].Change("A=1\nB=two words");
        page.FindAll("textarea")[1].Change("data:/data\n/srv:/srv:ro");
        page.Find("[data-testid=run-submit]").Click();

        page.WaitForAssertion(() => Assert.Single(Containers.CreateRequests));
        var request = Containers.CreateRequests[0];
        Assert.Equal("busybox:latest", request.Image);
        Assert.Equal(["sh", "-c", "echo hi; sleep 9"], request.Cmd);
        Assert.Equal(["A=1", "B=two words"], request.Env);
        Assert.Equal(["data:/data", "/srv:/srv:ro"], request.HostConfig!.Binds);
        Assert.Equal("none", request.HostConfig.NetworkMode);
        Assert.Equal("no", request.HostConfig.RestartPolicy.Name);
        Assert.Equal(["create web", "start web"], Containers.Calls);
        var nav = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"/containers/{Containers.Get("web").Id}", nav.Uri);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_inline_and_nothing_is_created()
    {
        RenderProviders();
        var page = RenderForm("busybox");
        page.WaitForElement("[data-testid=run-command]").Change("echo 'oops");
        page.Find("[data-testid=run-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("quote is not closed", page.Find("[data-testid=error]").TextContent));
        Assert.Empty(Containers.CreateRequests);
    }

    [Fact]
    public void An_unknown_image_is_reported_in_the_engines_words()
    {
        RenderProviders();
        var page = RenderForm("nothere:1");
        page.WaitForElement("[data-testid=run-submit]");
        Containers.CreateFailure = WebUI.Engine.Errors.EngineException.NotFound("No such image: nothere:1");

        page.Find("[data-testid=run-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("No such image: nothere:1", page.Find("[data-testid=error]").TextContent));
    }
}
