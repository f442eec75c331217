namespace WebUI.Audit;

/// <summary>The words used in <see cref="AuditEntry.Result"/> outside the Docker API (which records the status code).</summary>
public static class AuditResults
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}
