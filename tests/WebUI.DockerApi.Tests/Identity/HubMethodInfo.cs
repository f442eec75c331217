namespace WebUI.DockerApi.Tests.Identity;

/// <summary>One SignalR hub method of the server's test-only endpoint list, with the policies declared on it.</summary>
public sealed record HubMethodInfo(string Hub, string Method, IReadOnlyList<string> Policies, bool AllowAnonymous, bool Framework);
