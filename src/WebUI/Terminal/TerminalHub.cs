using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR;
using WebUI.Audit;
using WebUI.Engine.Errors;
using WebUI.Engine.Security.Admission;
using WebUI.Identity;

namespace WebUI.Terminal;

/// <summary>
/// The web terminal's SignalR hub (/hubs/terminal). Authenticated by the dashboard's session cookie (no token in any
/// URL), Operator for the connection and again, against the user store, for every call: open, join and close each
/// time, keystrokes and resizes when the last check is older than <see cref="KeystrokeRecheck"/> (a disabled user or a
/// changed role stops within two seconds of typing). While someone types, the check is renewed in the background once
/// it is older than half that, so a keystroke does not wait for the store (several database reads, about 6 ms). Every
/// method also names its policy (deny by default: the authorization matrix test fails for a hub method without one).
/// Errors reach the browser as their plain message.
/// </summary>
[Authorize(Policy = Policies.Operator)]
public sealed class TerminalHub(TerminalSessions sessions, IUserAccess access, AuthenticationStateProvider authenticationState, ChangeGuard guard,
    IServiceScopeFactory scopes) : Hub
{
    public const string Path = "/hubs/terminal";

    /// <summary>How long a passed check covers this connection's keystrokes and resizes.</summary>
    public static readonly TimeSpan KeystrokeRecheck = TimeSpan.FromSeconds(2);

    private const string CheckKey = "webui.terminal.check";

    /// <summary>Opens a session (exec or attach) and joins it; returns the session (the browser then calls Join for output).</summary>
    [Authorize(Policy = Policies.Operator)]
    public Task<TerminalSessionInfo> Open(TerminalOpenRequest request) => Guarded(async () =>
    {
        Identify();
        var action = request.Mode == TerminalMode.Exec ? AuditActions.ContainerExec : AuditActions.ContainerAttach;
        return await guard.RunAsync(Policies.Operator, action, request.ContainerId, async () =>
        {
            var user = Context.User?.Identity?.Name ?? throw new EngineException(ErrorKind.Forbidden, "You are not signed in.");
            // The engine's checks (team visibility, the exec choke point) read the caller of this flow.
            using (CallerContext.Enter(await access.CallerAsync(Context.User, Context.ConnectionAborted)))
                return await sessions.OpenAsync(user, request, Context.ConnectionAborted);
        }, Context.ConnectionAborted);
    });

    /// <summary>Starts watching a session: what it printed so far, then live output and its end.</summary>
    [Authorize(Policy = Policies.Operator)]
    public Task<TerminalSnapshot> Join(string sessionId) => Guarded(async () => sessions.Join(await DemandAsync(), sessionId, Context.ConnectionId));

    [Authorize(Policy = Policies.Operator)]
    public Task Leave(string sessionId) => Guarded(async () =>
    {
        await DemandAsync();
        sessions.Leave(Context.ConnectionId, sessionId);
        return true;
    });

    /// <summary>
    /// Typed or pasted text, written into the process before the call returns. The browser does not wait for one call
    /// before sending the next (it bounds what is unanswered: back-pressure); the connection's calls run one at a time
    /// in the order sent (<c>MaximumParallelInvocationsPerClient</c> = 1), so the text arrives in order.
    /// </summary>
    [Authorize(Policy = Policies.Operator)]
    public Task Input(string sessionId, string data) => Guarded(async () =>
    {
        await sessions.InputAsync(await DemandRecentAsync(), sessionId, data, Context.ConnectionAborted);
        return true;
    });

    [Authorize(Policy = Policies.Operator)]
    public Task Resize(string sessionId, int rows, int cols) => Guarded(async () =>
    {
        await sessions.ResizeAsync(await DemandRecentAsync(), sessionId, rows, cols, Context.ConnectionAborted);
        return true;
    });

    [Authorize(Policy = Policies.Operator)]
    public Task Close(string sessionId) => Guarded(async () =>
    {
        await sessions.CloseAsync(await DemandAsync(), sessionId, Context.ConnectionAborted);
        return true;
    });

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Leave(Context.ConnectionId, null);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The connection's user, re-checked against the store (disabled, stamp, role now) for Operator.</summary>
    private async Task<string> DemandAsync()
    {
        Identify();
        var started = Environment.TickCount64;
        var user = await access.DemandAsync(Policies.Operator, Context.ConnectionAborted);
        Check().Passed(started);
        return user;
    }

    /// <summary>
    /// Keystrokes: the store is asked again when the last check of this connection is older than
    /// <see cref="KeystrokeRecheck"/>, not on every key (echo must stay fast); from half that age on, a check runs in the
    /// background (one at a time) so that a typing user's keystrokes never wait for it. A check counts from when it
    /// started; one that fails leaves the connection unchecked, so the next keystroke is checked first (and refused).
    /// </summary>
    private Task<string> DemandRecentAsync()
    {
        var check = Check();
        var age = Environment.TickCount64 - check.PassedAt;
        if (age >= (long)KeystrokeRecheck.TotalMilliseconds || Context.User?.Identity?.Name is not { } name) return DemandAsync();
        if (age >= (long)KeystrokeRecheck.TotalMilliseconds / 2 && check.TryBeginRenewal())
            _ = RenewAsync(check, Context.User, Context.ConnectionAborted);
        return Task.FromResult(name);
    }

    /// <summary>The background check: its own scope (this call's ends with it), the connection's principal.</summary>
    private async Task RenewAsync(KeystrokeCheck check, System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        var passed = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            await scope.ServiceProvider.GetRequiredService<IUserAccess>().DemandAsync(Policies.Operator, cancellationToken);
            passed = true;
        }
        catch (Exception e) when (e is EngineException or OperationCanceledException) { }
        finally { check.EndRenewal(passed ? started : null); }
    }

    private KeystrokeCheck Check()
    {
        if (Context.Items.TryGetValue(CheckKey, out var found) && found is KeystrokeCheck check) return check;
        check = new KeystrokeCheck();
        Context.Items[CheckKey] = check;
        return check;
    }

    /// <summary>The hub's scope has no circuit: the user checks read the connection's principal (from the cookie).</summary>
    private void Identify()
    {
        if (authenticationState is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(Context.User ?? new())));
    }

    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (EngineException e) { throw new HubException(e.Message); }
    }
}
