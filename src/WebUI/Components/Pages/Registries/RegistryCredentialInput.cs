using System.ComponentModel.DataAnnotations;

namespace WebUI.Components.Pages.Registries;

/// <summary>The add-credentials form: a registry address and the account to use there.</summary>
public sealed class RegistryCredentialInput
{
    [Required(ErrorMessage = "Enter the registry address (host or host:port).")]
    [MaxLength(300)]
    public string Registry { get; set; } = "";

    [Required(ErrorMessage = "Enter the user name.")]
    [MaxLength(256)]
    public string Username { get; set; } = "";

    [Required(ErrorMessage = "Enter the password or access token.")]
    public string Password { get; set; } = "";
}
