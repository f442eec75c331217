namespace WebUI.Engine.Security.Admission;

/// <summary>What a caller may do, lowest first. Root: the unix socket (root-only, like docker.sock) and the engine itself.</summary>
public enum CallerRole
{
    Viewer,
    Operator,
    Admin,
    Root,
}
