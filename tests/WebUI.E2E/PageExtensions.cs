using Microsoft.Playwright;

namespace WebUI.E2E;

internal static class PageExtensions
{
    /// <summary>Navigates inside the app through the drawer, as a user would (keeps the circuit).</summary>
    public static async Task GoToContainersAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Containers", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/containers");
    }
}
