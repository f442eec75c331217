namespace WebUI.Components.Pages.Registries;

/// <summary>The remove-credentials form: which registry to forget.</summary>
public sealed class RegistryRemoveInput
{
    public string Registry { get; set; } = "";
}
