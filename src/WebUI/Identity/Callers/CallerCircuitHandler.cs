using Microsoft.AspNetCore.Components.Server.Circuits;
using WebUI.Engine.Security.Admission;

namespace WebUI.Identity.Callers;

/// <summary>
/// Every event of a dashboard circuit (clicks, renders, JS calls) runs as the circuit user's caller, so the engine's team
/// filters apply to what the pages list and the choke point to what they change. An invalid session is an anonymous Viewer.
/// </summary>
internal sealed class CallerCircuitHandler(IUserAccess access) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (CallerContext.Enter(await access.CallerAsync(CancellationToken.None))) await next(context);
        };
}
