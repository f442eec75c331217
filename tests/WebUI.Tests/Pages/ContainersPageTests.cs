using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebUI.Components.Pages.Containers;
using WebUI.Engine.Containers;

namespace WebUI.Tests.Pages;

public sealed class ContainersPageTests : DashboardTestContext
{
    [Fact]
    public void Lists_containers_with_state_image_and_labels_linking_to_details()
    {
        var web = Containers.Add("web", ContainerStatus.Running, "nginx:1", ("team", "a"));

        var page = Render<ContainersPage>();

        page.WaitForAssertion(() => Assert.Equal("web", page.Find("[data-testid=container-link]").TextContent));
        Assert.Equal($"/containers/{web.Id}", page.Find("[data-testid=container-link]").GetAttribute("href"));
        Assert.Equal("running", page.Find("[data-testid=container-state]").TextContent);
        Assert.Contains("nginx:1", page.Markup);
        Assert.Contains("team=a", page.Markup);
    }

    [Fact]
    public void Says_so_when_there_are_no_containers()
    {
        var page = Render<ContainersPage>();
        page.WaitForElement("[data-testid=containers-empty]");
    }

    [Fact]
    public void Search_filters_by_name_on_the_server_side()
    {
        Containers.Add("web", ContainerStatus.Running);
        Containers.Add("db", ContainerStatus.Exited);
        var page = Render<ContainersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=container-link]").Count));

        page.FindAll("input").First(i => i.GetAttribute("placeholder")?.StartsWith("Filter") == true).Input("db");

        page.WaitForAssertion(() => Assert.Equal("db", Assert.Single(page.FindAll("[data-testid=container-link]")).TextContent), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Bulk_stop_asks_first_then_stops_each_selected_container()
    {
        Containers.Add("web", ContainerStatus.Running);
        Containers.Add("api", ContainerStatus.Running);
        Containers.Add("idle", ContainerStatus.Running);
        var dialogs = RenderProviders();
        var page = Render<ContainersPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=container-link]").Count));

        SelectRows(page, "web", "api");
        page.Find("button[data-testid=bulk-stop]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Equal(["stop web", "stop api"], Containers.Calls.Order().Reverse().ToList()));
        Assert.True(Containers.Get("idle").State.Running);
    }

    [Fact]
    public void Bulk_remove_with_force_removes_running_containers_and_reports_each_failure()
    {
        Containers.Add("web", ContainerStatus.Running);
        Containers.Add("old", ContainerStatus.Exited);
        var dialogs = RenderProviders();
        var page = Render<ContainersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=container-link]").Count));

        SelectRows(page, "web", "old");
        page.Find("button[data-testid=bulk-remove]").Click();
        dialogs.WaitForElement("input[data-testid=confirm-force], [data-testid=confirm-force] input").Change(true);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Empty(Containers.Containers));
        Assert.Contains("remove-force web", Containers.Calls);
        page.WaitForElement("[data-testid=containers-empty]");
    }

    [Fact]
    public void Bulk_remove_without_force_shows_the_engines_refusal_for_a_running_container()
    {
        Containers.Add("web", ContainerStatus.Running);
        var dialogs = RenderProviders();
        var page = Render<ContainersPage>();
        page.WaitForElement("[data-testid=container-link]");

        SelectRows(page, "web");
        page.Find("button[data-testid=bulk-remove]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message != null && s.Message.Contains("container is running") && s.Severity == Severity.Error));
        Assert.Single(Containers.Containers);
    }

    [Fact]
    public void The_table_follows_container_events()
    {
        var page = Render<ContainersPage>();
        page.WaitForElement("[data-testid=containers-empty]");

        var c = Containers.Add("late", ContainerStatus.Created);
        Events.Publish("container", "create", c.Id);

        page.WaitForAssertion(() => Assert.Equal("late", page.Find("[data-testid=container-link]").TextContent));
    }

    private static void SelectRows(IRenderedComponent<ContainersPage> page, params string[] names)
    {
        foreach (var name in names)
        {
            var row = page.FindAll("tr").First(r => r.QuerySelector("[data-testid=container-link]")?.TextContent == name);
            row.QuerySelector("input[type=checkbox]")!.Change(true);
        }
    }

    [Fact]
    public void Published_ports_of_a_running_container_are_links_to_the_host()
    {
        var web = Containers.Add("web", WebUI.Engine.Containers.ContainerStatus.Running);
        var net = Networks.Add("bridge", predefined: true);
        Networks.Sandboxes[web.Id] = new WebUI.Engine.Networks.SandboxRecord
        {
            ContainerId = web.Id, ContainerName = "web", Hostname = "web", Mode = net.Id,
            Endpoints = new Dictionary<string, WebUI.Engine.Networks.EndpointRecord>
            {
                [net.Id] = new() { NetworkId = net.Id, EndpointId = "e", IfName = "eth0", Ports = [new("0.0.0.0", 8080, 80, "tcp"), new("127.0.0.1", 5353, 53, "udp")] },
            },
        };

        var page = Render<ContainersPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=container-port]").Count));
        var ports = page.FindAll("[data-testid=container-port]");
        // Ordered by host port; udp is not a web link.
        Assert.Equal("127.0.0.1:5353→53/udp", ports[0].TextContent);
        Assert.Null(ports[0].GetAttribute("href"));
        Assert.Equal("8080→80/tcp", ports[1].TextContent);
        Assert.Equal("http://localhost:8080/", ports[1].GetAttribute("href"));
    }

    [Fact]
    public void The_state_filter_keeps_only_containers_in_that_state()
    {
        Containers.Add("up", WebUI.Engine.Containers.ContainerStatus.Running);
        Containers.Add("down", WebUI.Engine.Containers.ContainerStatus.Exited);
        RenderProviders();
        var page = Render<ContainersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=container-link]").Count));

        var select = page.FindComponents<MudBlazor.MudSelect<string>>().First(s => s.Instance.Label == "State");
        page.InvokeAsync(() => select.Instance.SelectOption("exited"));

        page.WaitForAssertion(() => Assert.Equal(["down"], page.FindAll("[data-testid=container-link]").Select(e => e.TextContent)));
    }

    [Fact]
    public void A_viewer_sees_the_table_without_run_or_bulk_buttons()
    {
        SignInAsViewer();
        Containers.Add("web", WebUI.Engine.Containers.ContainerStatus.Running);
        var page = Render<ContainersPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=container-link]"));
        Assert.Empty(page.FindAll("[data-testid=container-new]"));
        Assert.Empty(page.FindAll("[data-testid=bulk-stop]"));
        Assert.Empty(page.FindAll("[data-testid=bulk-remove]"));
    }

    [Fact]
    public void The_first_render_already_has_the_rows_from_one_listing()
    {
        Containers.Add("web", ContainerStatus.Running);
        Containers.Add("db", ContainerStatus.Exited);

        var page = Render<ContainersPage>();

        // No waiting: the rows are in the first render (what the server prerenders), not loaded after it.
        Assert.Equal(["web", "db"], Names(page));
        Assert.Equal(1, Containers.ListCount);
        Assert.Equal("1–2 of 2", page.Find("[data-testid=page-range]").TextContent);
    }

    [Fact]
    public void Each_sort_header_orders_the_rows_on_the_server_and_says_so_in_aria_sort()
    {
        // Added newest first: bravo, alpha, charlie by creation time.
        Containers.Add("bravo", ContainerStatus.Running, "img-c");
        Containers.Add("alpha", ContainerStatus.Exited, "img-a");
        Containers.Add("charlie", ContainerStatus.Created, "img-b");
        var page = Render<ContainersPage>();
        Assert.Equal(["bravo", "alpha", "charlie"], Names(page));
        Assert.Equal("descending", AriaSort(page, "created"));
        Assert.Equal("none", AriaSort(page, "name"));

        var cases = new (string Column, string[] Order, string Aria)[]
        {
            ("name", ["alpha", "bravo", "charlie"], "ascending"),
            ("name", ["charlie", "bravo", "alpha"], "descending"),
            ("state", ["charlie", "alpha", "bravo"], "ascending"), // created, exited, running
            ("image", ["alpha", "charlie", "bravo"], "ascending"),
            ("created", ["bravo", "alpha", "charlie"], "descending"), // newest first
            ("created", ["charlie", "alpha", "bravo"], "ascending"),
        };
        foreach (var (column, order, aria) in cases)
        {
            var listed = Containers.ListCount;
            page.Find($"button[data-testid=sort-{column}]").Click();

            Assert.Equal(order, Names(page));
            Assert.Equal(aria, AriaSort(page, column));
            Assert.Equal(listed + 1, Containers.ListCount);
        }
    }

    [Fact]
    public void Paging_shows_one_page_of_rows_and_the_next_page_has_the_next_rows()
    {
        for (var i = 0; i < 30; i++) Containers.Add($"c{i:D2}", ContainerStatus.Exited);
        var page = Render<ContainersPage>();
        page.Find("button[data-testid=sort-name]").Click();

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"c{i:D2}"), Names(page));
        Assert.Equal("1–25 of 30", page.Find("[data-testid=page-range]").TextContent);

        page.Find("[data-testid=page-next]").Click();
        Assert.Equal(Enumerable.Range(25, 5).Select(i => $"c{i:D2}"), Names(page));
        Assert.Equal("26–30 of 30", page.Find("[data-testid=page-range]").TextContent);
        Assert.True(page.Find("[data-testid=page-next]").HasAttribute("disabled"));

        page.Find("select[data-testid=page-size]").Change("10");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"c{i:D2}"), Names(page));
        Assert.Equal("1–10 of 30", page.Find("[data-testid=page-range]").TextContent);
        page.Find("[data-testid=page-next]").Click();
        page.Find("[data-testid=page-next]").Click();
        Assert.Equal(Enumerable.Range(20, 10).Select(i => $"c{i:D2}"), Names(page));

        page.Find("[data-testid=page-previous]").Click();
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"c{i:D2}"), Names(page));
    }

    [Fact]
    public void A_filter_applies_to_all_rows_not_only_the_page_shown_and_starts_at_the_first_page()
    {
        for (var i = 0; i < 30; i++) Containers.Add($"c{i:D2}", ContainerStatus.Exited);
        Containers.Add("zz-db", ContainerStatus.Running);
        var page = Render<ContainersPage>();
        page.Find("button[data-testid=sort-name]").Click();
        page.Find("[data-testid=page-next]").Click();
        Assert.Equal("26–31 of 31", page.Find("[data-testid=page-range]").TextContent);

        page.FindAll("input").First(i => i.GetAttribute("placeholder")?.StartsWith("Filter") == true).Input("c0");

        page.WaitForAssertion(() => Assert.Equal(Enumerable.Range(0, 10).Select(i => $"c{i:D2}"), Names(page)), TimeSpan.FromSeconds(3));
        Assert.Equal("1–10 of 10", page.Find("[data-testid=page-range]").TextContent);
    }

    [Fact]
    public void A_burst_of_container_events_reloads_the_rows_once()
    {
        Containers.Add("first", ContainerStatus.Running);
        var page = Render<ContainersPage>();
        Assert.Equal(["first"], Names(page));
        var listed = Containers.ListCount;

        for (var i = 0; i < 20; i++)
        {
            var c = Containers.Add($"burst{i:D2}", ContainerStatus.Created);
            Events.Publish("container", "create", c.Id);
        }

        page.WaitForAssertion(() => Assert.Equal(21, page.FindAll("[data-testid=container-link]").Count), TimeSpan.FromSeconds(3));
        // Longer than the reload delay again: no second reload comes after.
        Thread.Sleep(ContainersPage.ReloadDelay * 3);
        Assert.Equal(listed + 1, Containers.ListCount);
    }

    [Fact]
    public void A_reload_on_an_engine_event_lists_as_the_pages_user_not_as_the_engine()
    {
        SignInAsViewer();
        Containers.Add("ours", ContainerStatus.Running);
        Containers.Add("theirs", ContainerStatus.Running, "busybox:latest", (WebUI.Engine.Security.Admission.TeamScope.Label, "other-team"));
        IRenderedComponent<ContainersPage> page;
        using (WebUI.Engine.Security.Admission.CallerContext.Enter(new WebUI.Engine.Security.Admission.Caller("viewer", WebUI.Engine.Security.Admission.CallerRole.Viewer, [])))
            page = Render<ContainersPage>();
        Assert.Equal(["ours"], Names(page));

        // Published by the engine itself (no caller: it sees every team's containers).
        var late = Containers.Add("late", ContainerStatus.Created);
        Events.Publish("container", "create", late.Id);

        page.WaitForAssertion(() => Assert.Contains("late", Names(page)), TimeSpan.FromSeconds(3));
        Assert.DoesNotContain("theirs", Names(page));
        Assert.DoesNotContain("theirs", page.Markup);
    }

    private static List<string> Names(IRenderedComponent<ContainersPage> page) =>
        [.. page.FindAll("[data-testid=container-link]").Select(e => e.TextContent)];

    private static string? AriaSort(IRenderedComponent<ContainersPage> page, string column) =>
        page.Find($"button[data-testid=sort-{column}]").ParentElement?.GetAttribute("aria-sort");

    /// <summary>The prerender of a page listing "web" (running), its state persisted for the circuit, then the prerender gone.</summary>
    private async Task PrerenderWithOneRunningContainerAsync()
    {
        var state = PersistentState;
        Containers.Add("web", ContainerStatus.Running);
        Render<ContainersPage>();
        state.TriggerOnPersisting();
        await DisposeComponentsAsync();
    }

    [Fact]
    public async Task The_circuit_shows_the_prerendered_rows_without_listing_again_unless_a_container_changed()
    {
        await PrerenderWithOneRunningContainerAsync();
        var listed = Containers.ListCount;

        var circuit = Render<ContainersPage>();

        Assert.Equal(["web"], Names(circuit));
        Assert.Equal(listed, Containers.ListCount);
    }

    [Fact]
    public async Task The_circuit_lists_again_when_a_container_changed_after_the_prerender()
    {
        await PrerenderWithOneRunningContainerAsync();
        var late = Containers.Add("late", ContainerStatus.Created);
        Events.Publish("container", "create", late.Id);

        var circuit = Render<ContainersPage>();

        Assert.Equal(["web", "late"], Names(circuit));
    }
}
