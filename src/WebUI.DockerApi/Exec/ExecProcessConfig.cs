using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Exec;

/// <summary>ProcessConfig of Docker's exec inspect (lower-case names, as dockerd writes them).</summary>
public sealed record ExecProcessConfig(
    [property: JsonPropertyName("tty")] bool Tty,
    [property: JsonPropertyName("entrypoint")] string Entrypoint,
    [property: JsonPropertyName("arguments")] IReadOnlyList<string> Arguments,
    [property: JsonPropertyName("privileged")] bool Privileged,
    [property: JsonPropertyName("user")] string User);
