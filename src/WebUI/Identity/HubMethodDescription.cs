namespace WebUI.Identity;

/// <summary>
/// One SignalR hub method as listed by <see cref="EndpointListEndpoint"/>: the policies (and anonymous access) declared
/// on the method itself, and whether the hub is the framework's (Blazor's circuit hub) rather than the app's.
/// </summary>
internal sealed record HubMethodDescription(string Hub, string Method, IReadOnlyList<string> Policies, bool AllowAnonymous, bool Framework);
