using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebUI.Components.Pages.Volumes;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Pages;

public sealed class VolumesPageTests : DashboardTestContext
{
    [Fact]
    public void Lists_volumes_with_labels_and_usage()
    {
        Volumes.Add("data", ("tier", "db"));
        Volumes.UsedBy["data"] = ["c1"];

        var page = Render<VolumesPage>();

        Assert.Equal("data", page.Find("[data-testid=volume-name]").TextContent);
        Assert.Contains("tier=db", page.Markup);
        Assert.Contains("1 container", page.Markup);
    }

    [Fact]
    public void Says_so_when_there_are_no_volumes()
    {
        var page = Render<VolumesPage>();
        page.Find("[data-testid=volumes-empty]");
    }

    [Fact]
    public void Shows_a_listing_failure_in_plain_words()
    {
        Volumes.Failure = EngineException.Precondition("volumes directory is missing");
        var page = Render<VolumesPage>();
        Assert.Contains("volumes directory is missing", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void The_create_dialog_passes_name_driver_options_and_labels_to_the_engine()
    {
        var dialogs = RenderProviders();
        var page = Render<VolumesPage>();

        page.Find("[data-testid=volume-create]").Click();
        dialogs.WaitForElement("[data-testid=volume-form-name]").Change("cache");
        dialogs.Find("input[placeholder='tmpfs, nfs, none']").Change("tmpfs");
        dialogs.Find("input[placeholder='size=100m or bind']").Change("size=64m");
        dialogs.Find("input[placeholder='tmpfs, :/export, /srv/data']").Change("tmpfs");
        dialogs.Find("[data-testid=volume-form-labels]").Change("owner=ui\nkeep");
        dialogs.Find("[data-testid=volume-form-ok]").Click();

        page.WaitForAssertion(() => Assert.Single(Volumes.Created));
        var created = Volumes.Created[0];
        Assert.Equal("cache", created.Name);
        Assert.Equal(new Dictionary<string, string> { ["type"] = "tmpfs", ["o"] = "size=64m", ["device"] = "tmpfs" }, created.DriverOpts);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "ui", ["keep"] = "" }, created.Labels);
        page.WaitForAssertion(() => Assert.Equal("cache", page.Find("[data-testid=volume-name]").TextContent));
    }

    [Fact]
    public void Removing_asks_first_then_removes_without_force()
    {
        Volumes.Add("old");
        var dialogs = RenderProviders();
        var page = Render<VolumesPage>();

        page.Find("button[data-testid=volume-remove]").Click();
        Assert.Empty(Volumes.Removed);
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Equal(("old", false), Assert.Single(Volumes.Removed)));
        page.WaitForAssertion(() => page.Find("[data-testid=volumes-empty]"));
    }

    [Fact]
    public void A_volume_in_use_is_not_removed_and_the_refusal_is_shown()
    {
        Volumes.Add("busy");
        Volumes.UsedBy["busy"] = ["0123456789ab"];
        var dialogs = RenderProviders();
        var page = Render<VolumesPage>();

        page.Find("button[data-testid=volume-remove]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message != null && s.Message.Contains("volume is in use") && s.Severity == Severity.Error));
        Assert.Equal("busy", page.Find("[data-testid=volume-name]").TextContent);
    }

    [Fact]
    public void Inspect_shows_mountpoint_size_and_users()
    {
        Volumes.Add("data");
        Volumes.UsedBy["data"] = ["0123456789abcdef"];
        var dialogs = RenderProviders();
        var page = Render<VolumesPage>();

        page.Find("button[data-testid=volume-inspect]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("4.1kB", dialogs.Find("[data-testid=volume-size]").TextContent));
        Assert.Contains("/var/lib/webui/volumes/data/_data", dialogs.Markup);
        Assert.Contains("0123456789ab", dialogs.Markup);
    }

    [Fact]
    public void The_list_follows_volume_events()
    {
        var page = Render<VolumesPage>();
        Volumes.Add("new-one");
        Events.Publish("volume", "create", "new-one");
        page.WaitForAssertion(() => Assert.Equal("new-one", page.Find("[data-testid=volume-name]").TextContent));
    }
}
