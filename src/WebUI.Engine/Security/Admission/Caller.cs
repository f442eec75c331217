namespace WebUI.Engine.Security.Admission;

/// <summary>Who asks the engine for something, as every front door resolves it: a user (with role and teams) or root.</summary>
public sealed record Caller(string Name, CallerRole Role, IReadOnlyList<string> Teams)
{
    /// <summary>The engine itself and, named by its peer ("docker-api (uid N)"), the unix socket's caller (root-only, like docker.sock).</summary>
    public static Caller Root { get; } = new("root", CallerRole.Root, []);

    /// <summary>Admins and root: every setting and every team.</summary>
    public bool IsAdmin => Role >= CallerRole.Admin;

    /// <summary>May change containers, images, volumes, networks.</summary>
    public bool CanChange => Role >= CallerRole.Operator;
}
