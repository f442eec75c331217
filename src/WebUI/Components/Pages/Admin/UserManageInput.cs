using System.ComponentModel.DataAnnotations;

namespace WebUI.Components.Pages.Admin;

/// <summary>The manage-a-user form: which user, which action (the pressed button), and its argument.</summary>
public sealed class UserManageInput
{
    [Required(ErrorMessage = "Choose a user.")]
    public string UserName { get; set; } = "";

    /// <summary>"role", "disable", "enable" or "reset".</summary>
    [Required]
    public string Action { get; set; } = "";

    public string Role { get; set; } = WebUI.Identity.Roles.Viewer;

    public string NewPassword { get; set; } = "";
}
