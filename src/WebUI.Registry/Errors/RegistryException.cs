namespace WebUI.Registry.Errors;

/// <summary>A registry failure answered in the OCI error format with <see cref="RegistryErrorCode.Status"/>.</summary>
internal sealed class RegistryException(RegistryErrorCode code, string message, object? detail = null) : Exception(message)
{
    public RegistryErrorCode Code { get; } = code;

    public object? Detail { get; } = detail;
}
