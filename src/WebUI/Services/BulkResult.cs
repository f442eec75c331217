namespace WebUI.Services;

/// <summary>The outcome of an action on several containers: which succeeded and, for the others, why not.</summary>
public sealed record BulkResult(IReadOnlyList<string> Succeeded, IReadOnlyList<(string Id, string Error)> Failed);
