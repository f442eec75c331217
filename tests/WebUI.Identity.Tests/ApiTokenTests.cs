using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Security.Admission;
using WebUI.Identity.Tokens;

namespace WebUI.Identity.Tests;

/// <summary>API tokens: only the hash is stored, the token carries its user's role and teams, expiry and revocation apply at once.</summary>
public sealed class ApiTokenTests(AccessHost host) : IClassFixture<AccessHost>
{
    [Fact]
    public async Task A_token_expires_on_time_and_a_revoked_one_is_refused_at_once()
    {
        var user = await host.CreateUserAsync(Roles.Operator);
        var tokens = host.Services.GetRequiredService<ApiTokenService>();
        var auth = host.Services.GetRequiredService<ApiTokenAuthenticator>();
        var created = await tokens.CreateAsync(user.Id, user.UserName!, "ci", 1, "test", CancellationToken.None);

        var caller = await auth.AuthenticateAsync(created.Token, CancellationToken.None);
        Assert.NotNull(caller);
        Assert.Equal(CallerRole.Operator, caller.Role);
        Assert.Equal(user.UserName, caller.Name);

        host.Time.Now = host.Time.Now.AddDays(1).AddSeconds(1);
        Assert.Null(await auth.AuthenticateAsync(created.Token, CancellationToken.None));
        host.Time.Now = DateTimeOffset.UtcNow;

        var second = await tokens.CreateAsync(user.Id, user.UserName!, "other", null, "test", CancellationToken.None);
        Assert.NotNull(await auth.AuthenticateAsync(second.Token, CancellationToken.None));
        await tokens.RevokeAsync(user.Id, user.UserName!, second.Id, "test", CancellationToken.None);
        Assert.Null(await auth.AuthenticateAsync(second.Token, CancellationToken.None));
        Assert.Null(await auth.AuthenticateAsync(second.Token[..^1] + (second.Token[^1] == 'A' ? 'B' : 'A'), CancellationToken.None));

        // Only the hash is in the store.
        var rows = await tokens.ListAsync(user.Id, CancellationToken.None);
        Assert.Equal(2, rows.Count);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebUIDbContext>();
        Assert.DoesNotContain(db.ApiTokens.AsEnumerable(), t => t.SecretHash.Contains(created.Token[^20..], StringComparison.Ordinal));
        Assert.Equal(ApiTokenSecret.Hash(created.Token), db.ApiTokens.Single(t => t.Id == created.Id).SecretHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_token_needs_a_name(string name)
    {
        var user = await host.CreateUserAsync(Roles.Viewer);
        var e = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() =>
            host.Services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, user.UserName!, name, null, "test", CancellationToken.None));
        Assert.Contains("token name", e.Message);
        Assert.Empty(await host.Services.GetRequiredService<ApiTokenService>().ListAsync(user.Id, CancellationToken.None));
    }
}
