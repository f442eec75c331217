using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Images;

/// <summary>One entry of DELETE /images/{name}: exactly one of the two is present.</summary>
public sealed record ImageDeleteResponseItem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Untagged,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Deleted);
