using System.ComponentModel.DataAnnotations;

namespace WebUI.Components.Account.Pages;

/// <summary>The first-run form: the setup code from the log and the first admin's name and password.</summary>
public sealed class SetupInput
{
    [Required(ErrorMessage = "Enter the setup code from the server log.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose a user name.")]
    [MaxLength(256)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The passwords differ.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
