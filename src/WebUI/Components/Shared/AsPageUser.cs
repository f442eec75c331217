using WebUI.Engine.Security.Admission;
using WebUI.Identity;

namespace WebUI.Components.Shared;

/// <summary>
/// The one way a page reads the engine again because of an engine event. An event handler runs on the publisher's
/// thread under the publisher's caller (for the engine itself: none, which sees every team's), so the work runs on the
/// page's dispatcher as the page's own user, asked again each time (a changed role or team applies at once). A page
/// that went away meanwhile ends it quietly.
/// </summary>
internal static class AsPageUser
{
    /// <param name="dispatch">The component's <c>InvokeAsync</c>.</param>
    /// <param name="lifetime">The page's: cancelled and disposed when it goes away (read here, inside the guard).</param>
    public static async Task RunAsync(IUserAccess access, Func<Func<Task>, Task> dispatch, Func<Task> work, CancellationTokenSource lifetime)
    {
        try
        {
            var caller = await access.CallerAsync(lifetime.Token);
            await dispatch(async () =>
            {
                using (CallerContext.Enter(caller)) await work();
            });
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }
}
