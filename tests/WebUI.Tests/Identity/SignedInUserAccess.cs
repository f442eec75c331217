using WebUI.Engine.Errors;
using WebUI.Identity;

namespace WebUI.Tests.Identity;

/// <summary>For component tests: a signed-in user holding the given policies (the real check against the store is tested in WebUI.Identity.Tests).</summary>
public sealed class SignedInUserAccess(string userName, params string[] policies) : IUserAccess
{
    public Task<string> DemandAsync(string policy, CancellationToken cancellationToken) =>
        policies.Contains(policy) ? Task.FromResult(userName) : throw new EngineException(ErrorKind.Forbidden, $"needs {policy}");

    public Task<WebUI.Engine.Security.Admission.Caller> CallerAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new WebUI.Engine.Security.Admission.Caller(userName,
            policies.Contains(Policies.Admin) ? WebUI.Engine.Security.Admission.CallerRole.Admin
            : policies.Contains(Policies.Operator) ? WebUI.Engine.Security.Admission.CallerRole.Operator
            : WebUI.Engine.Security.Admission.CallerRole.Viewer, []));

    public Task<WebUI.Engine.Security.Admission.Caller> CallerAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        CallerAsync(cancellationToken);

    public Task<bool> IsAllowedAsync(string policy, CancellationToken cancellationToken) => Task.FromResult(policies.Contains(policy));
}
