using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>A condition on one syscall argument; the same shape in Docker's profiles and the OCI spec.</summary>
public sealed record SeccompArg(
    [property: JsonPropertyName("index")] uint Index,
    [property: JsonPropertyName("value")] ulong Value,
    [property: JsonPropertyName("valueTwo")] ulong ValueTwo,
    [property: JsonPropertyName("op")] string Op);
