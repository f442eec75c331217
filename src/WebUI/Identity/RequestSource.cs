namespace WebUI.Identity;

/// <summary>"From where" for the audit log: the remote address of a web request.</summary>
public static class RequestSource
{
    public static string Of(HttpContext? context) =>
        context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
