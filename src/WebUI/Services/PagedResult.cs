namespace WebUI.Services;

/// <summary>One page of rows and how many rows match in total.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
