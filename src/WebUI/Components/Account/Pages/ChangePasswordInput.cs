using System.ComponentModel.DataAnnotations;

namespace WebUI.Components.Account.Pages;

/// <summary>The change-password form.</summary>
public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The passwords differ.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
