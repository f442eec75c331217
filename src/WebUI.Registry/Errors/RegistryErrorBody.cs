using System.Text.Json.Serialization;

namespace WebUI.Registry.Errors;

/// <summary>{"errors":[{"code":…,"message":…,"detail":…}]}, the body of every registry error.</summary>
internal sealed record RegistryErrorBody([property: JsonPropertyName("errors")] IReadOnlyList<RegistryErrorEntry> Errors);
