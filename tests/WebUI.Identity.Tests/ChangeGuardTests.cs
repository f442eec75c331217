using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Audit;
using WebUI.Engine.Errors;

namespace WebUI.Identity.Tests;

public sealed class ChangeGuardTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Viewer_is_refused_an_Operator_change_server_side_and_the_refusal_is_audited()
    {
        var viewer = await host.CreateUserAsync(Roles.Viewer);
        await using var scope = await host.SignedInScopeAsync(viewer);
        var ran = false;
        var resource = "c-" + Guid.NewGuid().ToString("N")[..6];
        var e = await Assert.ThrowsAsync<EngineException>(() => scope.ServiceProvider.GetRequiredService<ChangeGuard>()
            .RunAsync(Policies.Operator, AuditActions.ContainerStart, resource, () => { ran = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.Equal(ErrorKind.Forbidden, e.Kind);
        Assert.False(ran);
        var (entries, _) = await host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditFilter(Action: AuditActions.ContainerStart), 0, 100, CancellationToken.None);
        Assert.Contains(entries, a => a.Resource == resource && a.Result == AuditResults.Denied);
    }

    [Fact]
    public async Task Operator_change_runs_and_is_audited_with_the_user()
    {
        var op = await host.CreateUserAsync(Roles.Operator);
        await using var scope = await host.SignedInScopeAsync(op);
        var resource = "v-" + Guid.NewGuid().ToString("N")[..6];
        var ran = false;
        await scope.ServiceProvider.GetRequiredService<ChangeGuard>()
            .RunAsync(Policies.Operator, AuditActions.VolumeRemove, resource, () => { ran = true; return Task.CompletedTask; }, CancellationToken.None);
        Assert.True(ran);
        var (entries, _) = await host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditFilter(UserName: op.UserName), 0, 100, CancellationToken.None);
        var entry = Assert.Single(entries);
        Assert.Equal((AuditActions.VolumeRemove, resource, AuditResults.Success, FrontDoors.Dashboard), (entry.Action, entry.Resource, entry.Result, entry.FrontDoor));
    }

    [Fact]
    public async Task Operator_may_not_do_what_needs_Admin()
    {
        var op = await host.CreateUserAsync(Roles.Operator);
        await using var scope = await host.SignedInScopeAsync(op);
        await Assert.ThrowsAsync<EngineException>(() => scope.ServiceProvider.GetRequiredService<ChangeGuard>()
            .RunAsync(Policies.Admin, AuditActions.VolumeCreate, "bind-volume", () => Task.CompletedTask, CancellationToken.None));
        await Assert.ThrowsAsync<EngineException>(() => scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Anonymous_circuit_is_refused_everything()
    {
        await using var scope = await host.AnonymousScopeAsync();
        var access = scope.ServiceProvider.GetRequiredService<IUserAccess>();
        foreach (var policy in new[] { Policies.Viewer, Policies.Operator, Policies.Admin })
            Assert.False(await access.IsAllowedAsync(policy, CancellationToken.None));
    }

    [Fact]
    public async Task A_live_session_loses_its_rights_at_once_when_the_user_is_disabled_demoted_or_changes_password()
    {
        foreach (var change in new Func<UserManager<WebUIUser>, WebUIUser, Task>[]
        {
            async (users, u) => { u.IsDisabled = true; await users.UpdateAsync(u); },
            async (users, u) => { await users.RemoveFromRoleAsync(u, Roles.Operator); await users.AddToRoleAsync(u, Roles.Viewer); },
            async (users, u) => await users.ChangePasswordAsync(u, "a-long-enough-password", "another-long-password"),
        })
        {
            var op = await host.CreateUserAsync(Roles.Operator);
            await using var session = await host.SignedInScopeAsync(op);
            var access = session.ServiceProvider.GetRequiredService<IUserAccess>();
            Assert.True(await access.IsAllowedAsync(Policies.Operator, CancellationToken.None));
            await using (var admin = host.Services.CreateAsyncScope())
            {
                var users = admin.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>();
                await change(users, (await users.FindByIdAsync(op.Id))!);
            }
            Assert.False(await access.IsAllowedAsync(Policies.Operator, CancellationToken.None));
        }
    }
}
