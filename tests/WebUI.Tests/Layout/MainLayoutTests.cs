using Microsoft.AspNetCore.Components;
using WebUI.Components.Layout;

namespace WebUI.Tests.Layout;

public sealed class MainLayoutTests : DashboardTestContext
{
    [Fact]
    public void Navigation_offers_only_what_the_engine_has()
    {
        var nav = Render<NavMenu>();
        var links = nav.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        // The test context signs in an Admin, who also gets the Admin links.
        Assert.Equal(["Dashboard", "Containers", "Images", "Volumes", "Registries", "Users", "Audit log"], links);
    }

    private static readonly string DarkBackground = new MudBlazor.MudTheme().PaletteDark.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);

    private static string Background(IRenderedComponent<MainLayout> layout)
    {
        var css = string.Concat(layout.FindAll("style").Select(s => s.TextContent));
        var at = css.IndexOf("--mud-palette-background:", StringComparison.Ordinal);
        return css[(at + "--mud-palette-background:".Length)..].Split(';')[0].Trim();
    }

    [Fact]
    public void The_stored_dark_theme_is_applied_and_a_toggle_is_stored()
    {
        JSInterop.Setup<string?>("webui.getTheme").SetResult("dark");
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        layout.WaitForAssertion(() => Assert.Equal(DarkBackground, Background(layout)));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "webui.ready");

        layout.Find("[data-testid=theme-toggle]").Click();

        var set = Assert.Single(JSInterop.Invocations, i => i.Identifier == "webui.setTheme");
        Assert.Equal("light", set.Arguments[0]);
    }
}
