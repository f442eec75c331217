using System.ComponentModel.DataAnnotations;

namespace WebUI.Components.Pages.Admin;

/// <summary>The new-user form.</summary>
public sealed class UserCreateInput
{
    [Required(ErrorMessage = "Choose a user name.")]
    [MaxLength(256)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    [Required]
    public string Role { get; set; } = WebUI.Identity.Roles.Viewer;
}
