namespace WebUI.Audit;

/// <summary>One recorded event: who did what, when, from where, on which resource, and how it ended.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name, "docker-api (uid N)" for the Docker API socket, "token &lt;id&gt;" or "anonymous" for a refused TCP request, or the name tried at a failed login.</summary>
    public string UserName { get; set; } = "";

    /// <summary>What was done, e.g. "login", "container.remove", "POST /containers/{id}/start".</summary>
    public string Action { get; set; } = "";

    /// <summary>The resource acted on (container id, image, user name), when there is one.</summary>
    public string? Resource { get; set; }

    /// <summary>"success", "failure", "denied", or the HTTP status for the Docker API.</summary>
    public string Result { get; set; } = "";

    /// <summary>The front door: "dashboard", "docker-api" or "account".</summary>
    public string FrontDoor { get; set; } = "";

    /// <summary>From where: the remote address, or "unix socket".</summary>
    public string? Source { get; set; }

    /// <summary>Extra words (an error message, a new role); never a password or a token.</summary>
    public string? Detail { get; set; }
}
