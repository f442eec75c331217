using WebUI.Components.Pages.Images;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Pages;

public sealed class TransferDialogTests : DashboardTestContext
{
    private IRenderedComponent<MudBlazor.MudDialogProvider> OpenPull()
    {
        var dialogs = RenderProviders();
        var page = Render<ImagesPage>();
        page.WaitForElement("button[data-testid=pull-button]").Click();
        dialogs.WaitForElement("[data-testid=transfer-reference]");
        return dialogs;
    }

    [Fact]
    public void Pull_shows_a_progress_bar_per_layer_and_the_outcome()
    {
        Distribution.Script.Add(new DistributionProgress("Pulling fs layer", "a1b2c3d4e5f6"));
        Distribution.Script.Add(new DistributionProgress("Downloading", "a1b2c3d4e5f6", 250, 1000));
        Distribution.Script.Add(new DistributionProgress("Pulling fs layer", "0f0f0f0f0f0f"));
        var dialogs = OpenPull();

        dialogs.Find("[data-testid=transfer-reference]").Input("registry.local:5000/app:1");
        dialogs.Find("[data-testid=transfer-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=transfer-layer]").Count));
        Assert.Contains("250B / 1kB", dialogs.FindAll("[data-testid=transfer-layer]")[0].TextContent);
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("[data-testid=transfer-message]"), m => m.TextContent.Contains("Downloaded newer image for registry.local:5000/app:1")));
        var (reference, credentials) = Assert.Single(Distribution.Pulls);
        Assert.Equal("registry.local:5000/app:1", reference);
        Assert.Same(RegistryCredentials.Anonymous, credentials);
    }

    [Fact]
    public void A_failed_pull_says_why_in_plain_words()
    {
        Distribution.Failure = EngineException.NotFound("manifest for busybox:nope not found: manifest unknown");
        var dialogs = OpenPull();

        dialogs.Find("[data-testid=transfer-reference]").Input("busybox:nope");
        dialogs.Find("[data-testid=transfer-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("manifest unknown", dialogs.Find("[data-testid=error]").TextContent));
    }

    [Fact]
    public void A_running_pull_can_be_cancelled()
    {
        Distribution.Hang = true;
        var dialogs = OpenPull();
        dialogs.Find("[data-testid=transfer-reference]").Input("busybox");
        dialogs.Find("[data-testid=transfer-start]").Click();

        dialogs.WaitForElement("[data-testid=transfer-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Pull cancelled", dialogs.Find("[data-testid=error]").TextContent));
    }
}
