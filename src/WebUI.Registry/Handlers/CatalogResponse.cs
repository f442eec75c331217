using System.Text.Json.Serialization;

namespace WebUI.Registry.Handlers;

/// <summary>The body of GET /v2/_catalog.</summary>
internal sealed record CatalogResponse([property: JsonPropertyName("repositories")] IReadOnlyList<string> Repositories);
