namespace WebUI.Services;

/// <summary>What a server-side table asks for: a free-text filter, a sort column and direction, one page.</summary>
public sealed record PageRequest
{
    public string? Search { get; init; }
    /// <summary>A column name the view understands; null keeps the view's default order.</summary>
    public string? SortBy { get; init; }
    public bool Descending { get; init; }
    /// <summary>Zero-based.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}
