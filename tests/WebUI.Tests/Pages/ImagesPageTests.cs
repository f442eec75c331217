using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebUI.Components.Pages.Images;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Tests.Engine;

namespace WebUI.Tests.Pages;

public sealed class ImagesPageTests : DashboardTestContext
{
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private ImageRecord AddBusybox()
    {
        var image = InMemoryImageService.Image("abcdef123456", 4_270_000, Created, "docker.io/library/busybox:latest");
        Images.Images.Add(image);
        return image;
    }

    [Fact]
    public void Lists_images_with_familiar_names_short_ids_sizes_and_usage()
    {
        var image = AddBusybox();
        Images.UsedBy[image.Id] = ["c1", "c2"];

        var page = Render<ImagesPage>();

        page.WaitForAssertion(() => Assert.Equal("busybox:latest", page.Find("[data-testid=image-tag]").TextContent));
        Assert.Contains("abcdef123456", page.Markup);
        Assert.Contains("4.27MB", page.Markup);
        Assert.Contains("2 containers", page.Markup);
    }

    [Fact]
    public void Says_so_when_there_are_no_images()
    {
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=images-empty]"));
    }

    [Fact]
    public void Shows_a_listing_failure_in_plain_words()
    {
        Images.Failure = EngineException.Precondition("content store is not ready");
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => Assert.Contains("content store is not ready", page.Find("[data-testid=error]").TextContent));
    }

    [Fact]
    public void Removing_asks_first_then_removes_by_name_with_the_force_choice()
    {
        AddBusybox();
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=image-remove]"));

        page.Find("[data-testid=image-remove] button, button[data-testid=image-remove]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-ok]"));
        Assert.Empty(Images.Removed);
        dialogs.Find("input[data-testid=confirm-force], [data-testid=confirm-force] input").Change(true);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Equal(("busybox:latest", true, false), Assert.Single(Images.Removed)));
    }

    [Fact]
    public void Cancelling_the_confirmation_removes_nothing()
    {
        AddBusybox();
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=image-remove]"));

        page.Find("button[data-testid=image-remove]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-ok]"));
        dialogs.FindAll("button").First(b => b.TextContent.Contains("Cancel")).Click();

        Assert.Empty(Images.Removed);
    }

    [Fact]
    public void A_refused_removal_shows_the_engines_conflict_message()
    {
        AddBusybox();
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("button[data-testid=image-remove]"));
        Images.Failure = EngineException.Conflict("conflict: unable to remove repository reference \"busybox\" (must force) - container 0123456789ab is using its referenced image abcdef123456");

        page.Find("button[data-testid=image-remove]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message != null && s.Message.Contains("must force") && s.Severity == Severity.Error));
    }

    [Fact]
    public void The_tag_dialog_tags_the_image_with_the_typed_name()
    {
        AddBusybox();
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[aria-label=Tag]"));

        page.Find("[aria-label=Tag]").Click();
        dialogs.WaitForElement("[data-testid=tag-target]").Input("myrepo/busybox:v1");
        dialogs.Find("[data-testid=tag-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(("busybox:latest", "myrepo/busybox:v1"), Assert.Single(Images.Tagged)));
    }

    [Fact]
    public void The_tag_dialog_shows_an_invalid_name_inline_and_stays_open()
    {
        AddBusybox();
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[aria-label=Tag]"));
        page.Find("[aria-label=Tag]").Click();
        Images.Failure = EngineException.Invalid("invalid reference format: repository name must be lowercase");

        dialogs.WaitForElement("[data-testid=tag-target]").Input("Bad:Name");
        dialogs.Find("[data-testid=tag-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("must be lowercase", dialogs.Find("[data-testid=error]").TextContent));
        Assert.NotEmpty(dialogs.FindAll("[data-testid=tag-dialog]"));
    }

    [Fact]
    public void The_history_dialog_shows_history_entries_and_layers()
    {
        var image = AddBusybox();
        Images.History[image.Id] = [new ImageHistoryItem(image.Id, Created.ToUnixTimeSeconds(), "/bin/sh -c #(nop) ADD file:abc in /", ["busybox:latest"], 4_270_000, "imported")];
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[aria-label=History]"));

        page.Find("[aria-label=History]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("ADD file:abc", dialogs.Find("[data-testid=history-table]").TextContent));
        Assert.Contains("sha256:dddd", dialogs.Find("[data-testid=layers-table]").TextContent);
    }

    [Fact]
    public void Search_is_applied_on_the_server_side()
    {
        AddBusybox();
        Images.Images.Add(InMemoryImageService.Image("999", 10, Created, "docker.io/library/alpine:3"));
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=image-tag]").Count));

        page.Find("input[data-testid=images-search]").Input("alpine");

        page.WaitForAssertion(() => Assert.Equal("alpine:3", Assert.Single(page.FindAll("[data-testid=image-tag]")).TextContent), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void The_table_reloads_when_an_image_event_arrives()
    {
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=images-empty]"));

        AddBusybox();
        Events.Publish("image", "load", "sha256:abc");

        page.WaitForAssertion(() => page.Find("[data-testid=image-tag]"));
    }

    [Fact]
    public void An_uploaded_tarball_is_streamed_into_load_and_the_result_shown()
    {
        var page = Render<ImagesPage>();
        page.WaitForElement("[data-testid=images-empty]");

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[50_000], "busybox.tar"));

        page.WaitForAssertion(() => Assert.Contains("Loaded image: loaded:latest", page.Markup));
        Assert.Equal(50_000, Assert.Single(Images.LoadedBytes));
    }

    [Fact]
    public void A_failed_load_says_why()
    {
        var page = Render<ImagesPage>();
        page.WaitForElement("[data-testid=images-empty]");
        Images.Failure = EngineException.Invalid("archive has neither manifest.json nor index.json");

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("not a tar", "x.tar"));

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=error]"), e => e.TextContent.Contains("Loading x.tar failed: archive has neither manifest.json nor index.json")));
    }

    [Fact]
    public void Save_downloads_the_image_by_name()
    {
        AddBusybox();
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => page.Find("[aria-label=Save]"));

        page.Find("[aria-label=Save]").Click();

        page.WaitForAssertion(() => Assert.Equal("busybox_latest.tar", Assert.Single(JSInterop.Invocations, i => i.Identifier == "webui.downloadStream").Arguments[0]));
        Assert.Equal(["busybox:latest"], Assert.Single(Images.Saved));
    }

    [Fact]
    public void A_viewer_sees_images_and_history_but_no_change_buttons()
    {
        SignInAsViewer();
        Images.Images.Add(InMemoryImageService.Image("a", 1_000, DateTimeOffset.UtcNow, "docker.io/library/busybox:latest"));
        var page = Render<ImagesPage>();
        page.WaitForAssertion(() => Assert.Equal("busybox:latest", page.Find("[data-testid=image-tag]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=pull-button]"));
        Assert.Empty(page.FindAll("[data-testid=build-button]"));
        Assert.Empty(page.FindAll("[data-testid=image-remove]"));
        Assert.Empty(page.FindAll("button[aria-label=Tag]"));
        page.Find("button[aria-label=History]");
    }
}
