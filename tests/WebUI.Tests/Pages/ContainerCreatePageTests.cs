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
        Assert.Equal("bridge", request.HostConfig.NetworkMode); // Docker's default network
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

    [Fact]
    public void Ports_mounts_network_entrypoint_limits_labels_and_tty_reach_the_engine()
    {
        Images.Images.Add(InMemoryImageService.Image("a", 1, DateTimeOffset.UtcNow, "docker.io/library/busybox:latest"));
        Networks.Add("backend");
        RenderProviders();
        var page = RenderForm("busybox:latest");
        page.WaitForElement("[data-testid=run-name]");

        page.Find("textarea[data-testid=run-ports]").Change("8080:80\n127.0.0.1:5353:53/udp\n9000");
        page.Find("textarea[data-testid=run-mounts]").Change("type=tmpfs,target=/scratch,tmpfs-size=1048576\ntype=volume,source=data,target=/data,readonly");
        page.Find("input[data-testid=run-entrypoint]").Change("/bin/sh -c");
        page.FindComponents<MudBlazor.MudNumericField<int?>>()[0].Find("input").Change("64");
        page.FindComponents<MudBlazor.MudNumericField<double?>>()[0].Find("input").Change("0.5");
        var select = page.FindComponents<MudBlazor.MudSelect<string>>().First(s => s.Instance.Label == "Network");
        page.InvokeAsync(() => select.Instance.SelectOption("backend"));
        page.FindAll("textarea").First(t => t.ParentElement!.ParentElement!.TextContent.Contains("Labels")).Change("tier=web");
        page.FindComponents<MudBlazor.MudCheckBox<bool>>()[0].Find("input").Change(true);
        page.Find("[data-testid=run-submit]").Click();

        page.WaitForAssertion(() => Assert.Single(Containers.CreateRequests));
        var r = Containers.CreateRequests[0];
        var bindings = r.HostConfig!.PortBindings!.Value;
        Assert.Equal("8080", bindings.GetProperty("80/tcp")[0].GetProperty("HostPort").GetString());
        Assert.Equal("127.0.0.1", bindings.GetProperty("53/udp")[0].GetProperty("HostIp").GetString());
        Assert.Equal("", bindings.GetProperty("9000/tcp")[0].GetProperty("HostPort").GetString());
        Assert.Equal(["80/tcp", "53/udp", "9000/tcp"], r.ExposedPorts!.Keys);
        Assert.Equal(2, r.HostConfig.Mounts!.Count);
        Assert.Equal(("tmpfs", "/scratch", 1048576L), (r.HostConfig.Mounts[0].Type, r.HostConfig.Mounts[0].Target, r.HostConfig.Mounts[0].TmpfsOptions!.SizeBytes));
        Assert.Equal(("volume", "data", "/data", true), (r.HostConfig.Mounts[1].Type, r.HostConfig.Mounts[1].Source, r.HostConfig.Mounts[1].Target, r.HostConfig.Mounts[1].ReadOnly));
        Assert.Equal(["/bin/sh", "-c"], r.Entrypoint);
        Assert.Equal(64L * 1024 * 1024, r.HostConfig.Memory);
        Assert.Equal(500_000_000L, r.HostConfig.NanoCpus);
        Assert.Equal("backend", r.HostConfig.NetworkMode);
        Assert.Equal("web", r.Labels!["tier"]);
        Assert.True(r.Tty);
        Assert.True(r.OpenStdin);
    }

    [Theory]
    [InlineData("run-ports", "80:99999", "container port \"99999\" is not a port")]
    [InlineData("run-ports", "1.2.3:80:80", "is not an IP address")]
    [InlineData("run-ports", "80/sctp", "protocol must be tcp or udp")]
    [InlineData("run-mounts", "type=tmpfs", "target is required")]
    [InlineData("run-mounts", "type=nfs,target=/x", "type must be volume, bind or tmpfs")]
    [InlineData("run-mounts", "target=/x,colour=red", "unknown field \"colour\"")]
    public void A_bad_port_or_mount_is_named_inline_and_nothing_is_created(string field, string value, string message)
    {
        Images.Images.Add(InMemoryImageService.Image("a", 1, DateTimeOffset.UtcNow, "docker.io/library/busybox:latest"));
        RenderProviders();
        var page = RenderForm("busybox:latest");
        page.WaitForElement("[data-testid=run-name]");
        page.Find($"textarea[data-testid={field}]").Change(value);
        page.Find("[data-testid=run-submit]").Click();
        page.WaitForAssertion(() => Assert.Contains(message, page.Find("[data-testid=error]").TextContent));
        Assert.Empty(Containers.CreateRequests);
    }
}
