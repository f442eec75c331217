using System.ComponentModel.DataAnnotations;

namespace WebUI.Components.Account.Pages;

/// <summary>The sign-in form.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    [MaxLength(256)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
