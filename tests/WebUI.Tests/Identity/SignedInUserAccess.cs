using WebUI.Engine.Errors;
using WebUI.Identity;

namespace WebUI.Tests.Identity;

/// <summary>For component tests: a signed-in user holding the given policies (the real check against the store is tested in WebUI.Identity.Tests).</summary>
public sealed class SignedInUserAccess(string userName, params string[] policies) : IUserAccess
{
    public Task<string> DemandAsync(string policy, CancellationToken cancellationToken) =>
        policies.Contains(policy) ? Task.FromResult(userName) : throw new EngineException(ErrorKind.Forbidden, $"needs {policy}");

    public Task<bool> IsAllowedAsync(string policy, CancellationToken cancellationToken) => Task.FromResult(policies.Contains(policy));
}
