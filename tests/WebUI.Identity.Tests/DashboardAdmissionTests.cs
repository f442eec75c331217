using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Services;

namespace WebUI.Identity.Tests;

/// <summary>The dashboard's run form reaches the same choke point as the Docker API: an Operator's host bind, host network or foreign team is refused there, naming the problem, and nothing is created.</summary>
public sealed class DashboardAdmissionTests(AccessHost host) : IClassFixture<AccessHost>
{
    private async Task<EngineException> RefusedAsync(ContainerForm form)
    {
        var user = await host.CreateUserAsync(Roles.Operator);
        await using var scope = await host.SignedInScopeAsync(user);
        var view = scope.ServiceProvider.GetRequiredService<ContainersView>();
        var e = await Assert.ThrowsAsync<EngineException>(() => view.RunAsync(form, CancellationToken.None));
        Assert.Equal(ErrorKind.Forbidden, e.Kind);
        Assert.Contains($"refused for {user.UserName} (Operator)", e.Message);
        Assert.Empty(host.Services.GetRequiredService<IContainerService>().List(new ContainerListOptions { All = true }));
        Assert.False(Directory.Exists(Path.Combine(host.DataRoot, "containers")) && Directory.EnumerateFileSystemEntries(Path.Combine(host.DataRoot, "containers")).Any());
        return e;
    }

    [Fact]
    public async Task Host_bind_from_the_run_form_is_refused_by_the_choke_point()
    {
        var e = await RefusedAsync(new ContainerForm { Image = "busybox", Name = "form-bind", Volumes = "/etc:/host-etc:ro" });
        Assert.Contains("host bind mount /etc (HostConfig.Binds[0])", e.Message);
    }

    [Fact]
    public async Task Host_network_from_the_run_form_is_refused_by_the_choke_point()
    {
        var e = await RefusedAsync(new ContainerForm { Image = "busybox", Network = "host" });
        Assert.Contains("NetworkMode=host", e.Message);
    }

    [Fact]
    public async Task A_team_label_of_another_team_is_refused()
    {
        var e = await RefusedAsync(new ContainerForm { Image = "busybox", Labels = "webui.team=not-mine" });
        Assert.Contains("is not a member of team \"not-mine\"", e.Message);
    }

    [Fact]
    public async Task A_viewer_cannot_create_even_past_the_page()
    {
        var user = await host.CreateUserAsync(Roles.Viewer);
        await using var scope = await host.SignedInScopeAsync(user);
        var e = await Assert.ThrowsAsync<EngineException>(() => scope.ServiceProvider.GetRequiredService<ContainersView>().RunAsync(new ContainerForm { Image = "busybox" }, CancellationToken.None));
        Assert.Equal(ErrorKind.Forbidden, e.Kind);
    }
}
