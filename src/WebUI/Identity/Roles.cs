namespace WebUI.Identity;

/// <summary>The three roles. Admin: everything, users included. Operator: changes to containers, images, volumes. Viewer: read-only.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Viewer];
}
