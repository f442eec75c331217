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
    public void A_refresh_on_an_engine_event_lists_as_the_pages_user_not_as_the_engine()
    {
        SignInAsViewer();
        Volumes.Add("ours");
        Volumes.Add("theirs", (WebUI.Engine.Security.Admission.TeamScope.Label, "other-team"));
        IRenderedComponent<VolumesPage> page;
        using (WebUI.Engine.Security.Admission.CallerContext.Enter(new WebUI.Engine.Security.Admission.Caller("viewer", WebUI.Engine.Security.Admission.CallerRole.Viewer, [])))
            page = Render<VolumesPage>();
        Assert.Equal(["ours"], page.FindAll("[data-testid=volume-name]").Select(e => e.TextContent));

        // Published by the engine itself (no caller: it sees every team's volumes).
        Volumes.Add("late");
        Events.Publish("volume", "create", "late");

        page.WaitForAssertion(() => Assert.Contains("late", page.FindAll("[data-testid=volume-name]").Select(e => e.TextContent)));
        Assert.DoesNotContain("theirs", page.Markup);
    }

    [Fact]
    public void The_list_follows_volume_events()
    {
        var page = Render<VolumesPage>();
        Volumes.Add("new-one");
        Events.Publish("volume", "create", "new-one");
        page.WaitForAssertion(() => Assert.Equal("new-one", page.Find("[data-testid=volume-name]").TextContent));
    }

    [Fact]
    public void Inspect_names_the_containers_using_the_volume_with_links()
    {
        Volumes.Add("data");
        var c = Containers.Add("db", WebUI.Engine.Containers.ContainerStatus.Running);
        Volumes.UsedBy["data"] = [c.Id];
        var dialogs = RenderProviders();
        var page = Render<VolumesPage>();

        page.Find("button[data-testid=volume-inspect]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("db", dialogs.Find("[data-testid=volume-user]").TextContent));
        Assert.Equal($"/containers/{c.Id}", dialogs.Find("[data-testid=volume-user]").GetAttribute("href"));
    }

    [Fact]
    public void A_viewer_sees_no_create_or_remove_buttons()
    {
        SignInAsViewer();
        Volumes.Add("data");
        var page = Render<VolumesPage>();
        Assert.Empty(page.FindAll("[data-testid=volume-create]"));
        Assert.Empty(page.FindAll("[data-testid=volume-remove]"));
        page.Find("button[data-testid=volume-browse]");
    }

    [Fact]
    public void Browsing_lists_folders_first_walks_into_them_and_shows_a_text_file()
    {
        using var dir = new TempVolume();
        Directory.CreateDirectory(Path.Combine(dir.Path, "conf"));
        File.WriteAllText(Path.Combine(dir.Path, "conf", "app.ini"), "answer=42\n");
        File.WriteAllText(Path.Combine(dir.Path, "a.txt"), "top");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "passwd"), "/etc/passwd");
        Volumes.Volumes["data"] = Volumes.Add("data") with { Mountpoint = dir.Path };
        var dialogs = RenderProviders();
        var page = Render<VolumesPage>();

        page.Find("button[data-testid=volume-browse]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["conf/", "a.txt", "passwd → /etc/passwd"],
            dialogs.FindAll("[data-testid=volume-file-name]").Select(e => e.TextContent.Trim())));
        dialogs.FindAll("[data-testid=volume-file-name]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Equal("app.ini", dialogs.Find("[data-testid=volume-file-name]").TextContent.Trim()));
        dialogs.Find("[data-testid=volume-file-name]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("answer=42\n", dialogs.Find("[data-testid=volume-file-text]").TextContent));
    }

    [Fact]
    public async Task Paths_never_leave_the_volume_by_dotdot_or_symlink()
    {
        using var dir = new TempVolume();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "abs"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "rel"), "../../../../../../etc/passwd");
        Directory.CreateDirectory(Path.Combine(dir.Path, "etc"));
        File.WriteAllText(Path.Combine(dir.Path, "etc", "passwd"), "the volume's own passwd");
        Volumes.Volumes["data"] = Volumes.Add("data") with { Mountpoint = dir.Path };
        var view = Services.GetRequiredService<WebUI.Services.VolumesView>();

        // Each way out lands on the volume's own /etc/passwd, never the host's.
        foreach (var path in new[] { "abs", "rel", "../../../../etc/passwd", "/etc/../../etc/passwd" })
            Assert.Equal("the volume's own passwd", (await view.ReadFileAsync("data", path, CancellationToken.None)).Text);
        File.Delete(Path.Combine(dir.Path, "etc", "passwd"));
        var e = await Assert.ThrowsAsync<EngineException>(() => view.ReadFileAsync("data", "abs", CancellationToken.None));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.DoesNotContain(view.ListFiles("data", "../../.."), f => f.Name == "proc");
    }

    [Fact]
    public async Task A_binary_file_is_not_shown_as_text_and_a_large_one_is_cut()
    {
        using var dir = new TempVolume();
        File.WriteAllBytes(Path.Combine(dir.Path, "bin"), [1, 2, 0, 3]);
        File.WriteAllText(Path.Combine(dir.Path, "big"), new string('x', WebUI.Services.VolumeFiles.MaxTextBytes + 10));
        Volumes.Volumes["data"] = Volumes.Add("data") with { Mountpoint = dir.Path };
        var view = Services.GetRequiredService<WebUI.Services.VolumesView>();

        Assert.Null((await view.ReadFileAsync("data", "bin", CancellationToken.None)).Text);
        var big = await view.ReadFileAsync("data", "big", CancellationToken.None);
        Assert.True(big.Truncated);
        Assert.Equal(WebUI.Services.VolumeFiles.MaxTextBytes, big.Text!.Length);
        var e = await Assert.ThrowsAsync<EngineException>(() => view.ReadFileAsync("data", "/", CancellationToken.None));
        Assert.Contains("is not a regular file", e.Message);
    }

    /// <summary>A real directory standing in for a volume's mountpoint, removed after the test.</summary>
    private sealed class TempVolume : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("webui-voltest-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
