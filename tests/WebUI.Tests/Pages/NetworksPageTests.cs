using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebUI.Components.Pages.Networks;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Pages;

public sealed class NetworksPageTests : DashboardTestContext
{
    [Fact]
    public void Lists_networks_with_subnet_and_member_count()
    {
        var net = Networks.Add("backend", subnet: "10.231.0.0/24");
        Networks.Add("bridge", predefined: true);
        var web = Containers.Add("web", ContainerStatus.Running);
        Networks.Attach(net.Id, web.Id, "web", "10.231.0.2/24");

        var page = Render<NetworksPage>();

        var names = page.FindAll("[data-testid=network-name]").Select(e => e.TextContent).ToList();
        Assert.Equal(["bridge", "backend"], names);
        Assert.Contains("10.231.0.0/24", page.FindAll("[data-testid=network-subnet]").Select(e => e.TextContent));
        Assert.Equal(["0", "1"], page.FindAll("[data-testid=network-members]").Select(e => e.TextContent));
    }

    [Fact]
    public void Predefined_networks_cannot_be_removed_from_the_page()
    {
        Networks.Add("bridge", predefined: true);
        var page = Render<NetworksPage>();
        Assert.Empty(page.FindAll("[data-testid=network-remove]"));
        Assert.Single(page.FindAll("button[data-testid=network-connect]"));
    }

    [Fact]
    public void Shows_a_listing_failure_in_plain_words()
    {
        Networks.Failure = EngineException.Precondition("networks directory is missing");
        var page = Render<NetworksPage>();
        Assert.Contains("networks directory is missing", page.Find("[data-testid=error]").TextContent);
        Assert.DoesNotContain("   at ", page.Markup);
    }

    [Fact]
    public void The_create_dialog_passes_driver_subnet_gateway_internal_and_labels_to_the_engine()
    {
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-create]").Click();
        dialogs.WaitForElement("input[data-testid=network-form-name]").Change("backend");
        dialogs.Find("input[data-testid=network-form-subnet]").Change("10.231.0.0/24");
        dialogs.Find("input[data-testid=network-form-gateway]").Change("10.231.0.1");
        dialogs.Find("input[data-testid=network-form-range]").Change("10.231.0.128/25");
        dialogs.Find("input[data-testid=network-form-internal]").Change(true);
        dialogs.Find("textarea[data-testid=network-form-labels]").Change("tier=db");
        dialogs.Find("button[data-testid=network-form-ok]").Click();

        page.WaitForAssertion(() => Assert.Single(Networks.Created));
        var request = Networks.Created[0];
        Assert.Equal("backend", request.Name);
        Assert.Equal("bridge", request.Driver);
        Assert.True(request.Internal);
        Assert.Equal(new WebUI.Engine.Networks.IpamPool("10.231.0.0/24", "10.231.0.1", "10.231.0.128/25"), Assert.Single(request.Ipam));
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "db" }, request.Labels);
        Assert.Empty(request.Options);
        page.WaitForAssertion(() => Assert.Contains("backend", page.FindAll("[data-testid=network-name]").Select(e => e.TextContent)));
        Assert.Contains(Audit.Records, r => r.Action == WebUI.Audit.AuditActions.NetworkCreate && r.Resource == "backend");
    }

    [Fact]
    public void A_gateway_without_a_subnet_is_refused_in_the_dialog_and_nothing_is_created()
    {
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-create]").Click();
        dialogs.WaitForElement("input[data-testid=network-form-name]").Change("half");
        dialogs.Find("input[data-testid=network-form-gateway]").Change("10.231.0.1");
        dialogs.Find("button[data-testid=network-form-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("a gateway or IP range needs a subnet", dialogs.Find("[data-testid=error]").TextContent));
        Assert.Empty(Networks.Created);
    }

    [Fact]
    public async Task A_macvlan_network_passes_its_parent_interface_as_an_option()
    {
        var view = Services.GetRequiredService<WebUI.Services.NetworksView>();
        await view.CreateAsync(new WebUI.Services.NetworkForm { Name = "lan", Driver = "macvlan", Parent = "eth0", Subnet = "192.168.77.0/24" }, CancellationToken.None);
        var request = Assert.Single(Networks.Created);
        Assert.Equal("macvlan", request.Driver);
        Assert.Equal(new Dictionary<string, string> { ["parent"] = "eth0" }, request.Options);
    }

    [Fact]
    public async Task A_macvlan_network_without_a_parent_is_refused()
    {
        var view = Services.GetRequiredService<WebUI.Services.NetworksView>();
        var e = await Assert.ThrowsAsync<EngineException>(() => view.CreateAsync(new WebUI.Services.NetworkForm { Name = "lan", Driver = "macvlan" }, CancellationToken.None));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("parent interface", e.Message);
        Assert.Empty(Networks.Created);
    }

    [Fact]
    public void Removing_asks_first_then_removes_the_network()
    {
        var net = Networks.Add("old");
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-remove]").Click();
        Assert.Empty(Networks.Removed);
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Equal(net.Id, Assert.Single(Networks.Removed)));
        page.WaitForAssertion(() => page.Find("[data-testid=networks-empty]"));
    }

    [Fact]
    public void A_network_in_use_is_not_removed_and_the_refusal_is_shown()
    {
        var net = Networks.Add("busy");
        var c = Containers.Add("web", ContainerStatus.Running);
        Networks.Attach(net.Id, c.Id, "web", "10.231.0.2/24");
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-remove]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message != null && s.Message.Contains("has active endpoints") && s.Severity == Severity.Error));
        Assert.Equal("busy", page.Find("[data-testid=network-name]").TextContent);
    }

    [Fact]
    public void Connect_passes_the_container_aliases_and_address_to_the_engine()
    {
        var net = Networks.Add("backend", subnet: "10.231.0.0/24");
        var c = Containers.Add("web", ContainerStatus.Running);
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-connect]").Click();
        var container = dialogs.WaitForElement("input[data-testid=network-connect-container]");
        container.Input("web");
        container.Blur();
        dialogs.Find("input[data-testid=network-connect-aliases]").Change("api, api2");
        dialogs.Find("input[data-testid=network-connect-ip]").Change("10.231.0.9");
        dialogs.Find("button[data-testid=network-connect-ok]").Click();

        page.WaitForAssertion(() => Assert.Single(Networks.Connected));
        var (network, containerId, config) = Networks.Connected[0];
        Assert.Equal(net.Id, network);
        Assert.Equal(c.Id, containerId);
        Assert.Equal(["api", "api2"], config.Aliases);
        Assert.Equal("10.231.0.9", config.IPv4Address);
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=network-members]").TextContent));
    }

    [Fact]
    public void Connect_refuses_an_address_that_is_not_ipv4_and_changes_nothing()
    {
        Networks.Add("backend");
        Containers.Add("web", ContainerStatus.Running);
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-connect]").Click();
        var container = dialogs.WaitForElement("input[data-testid=network-connect-container]");
        container.Input("web");
        container.Blur();
        dialogs.Find("input[data-testid=network-connect-ip]").Change("10.231.0.9/24");
        dialogs.Find("button[data-testid=network-connect-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("is not an IPv4 address", dialogs.Find("[data-testid=error]").TextContent));
        Assert.Empty(Networks.Connected);
    }

    [Fact]
    public void Inspect_shows_members_with_addresses_and_disconnects_after_confirming()
    {
        var net = Networks.Add("backend", subnet: "10.231.0.0/24");
        var web = Containers.Add("web", ContainerStatus.Running);
        var db = Containers.Add("db", ContainerStatus.Exited);
        Networks.Attach(net.Id, web.Id, "web", "10.231.0.2/24", "api");
        Networks.Attach(net.Id, db.Id, "db");
        var dialogs = RenderProviders();
        var page = Render<NetworksPage>();

        page.Find("button[data-testid=network-inspect]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=network-member]").Count));
        var ips = dialogs.FindAll("[data-testid=network-member-ip]").Select(e => e.TextContent).ToList();
        Assert.Contains("10.231.0.2/24", ips);
        Assert.Contains("— (not running)", ips);
        Assert.Contains("api", dialogs.Markup);

        dialogs.FindAll("button[data-testid=network-disconnect]")[0].Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Networks.Disconnected));
        Assert.Equal((net.Id, web.Id, false), Networks.Disconnected[0]);
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=network-member]")));
    }

    [Fact]
    public async Task A_viewer_sees_no_change_buttons_and_the_guard_refuses_a_change()
    {
        SignInAsViewer();
        Networks.Add("backend");
        var page = Render<NetworksPage>();

        Assert.Empty(page.FindAll("[data-testid=network-create]"));
        Assert.Empty(page.FindAll("[data-testid=network-remove]"));
        Assert.Empty(page.FindAll("[data-testid=network-connect]"));
        var view = Services.GetRequiredService<WebUI.Services.NetworksView>();
        var e = await Assert.ThrowsAsync<EngineException>(() => view.RemoveAsync("backend", CancellationToken.None));
        Assert.Equal(ErrorKind.Forbidden, e.Kind);
        Assert.Empty(Networks.Removed);
    }

    [Fact]
    public void The_list_follows_network_events()
    {
        var page = Render<NetworksPage>();
        Networks.Add("new-one");
        Events.Publish("network", "create", "x");
        page.WaitForAssertion(() => Assert.Equal("new-one", page.Find("[data-testid=network-name]").TextContent));
    }
}
