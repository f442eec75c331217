using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>
/// What the containers page shows (its query and the page of rows it got), carried from the prerendered HTML to the
/// circuit so the circuit's first render does not list again. <see cref="Version"/> is the container change count
/// (<see cref="ContainerChanges"/>) read before the listing: a different count later means the rows may be stale.
/// </summary>
public sealed record ContainersPageState(string? Search, string? State, string SortBy, bool Descending, int PageIndex, int PageSize, PagedResult<ContainerRow> Page, long Version);
