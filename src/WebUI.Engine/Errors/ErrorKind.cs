namespace WebUI.Engine.Errors;

/// <summary>The few categories of failure that callers branch on; the Docker API maps each to one status code.</summary>
public enum ErrorKind
{
    /// <summary>A failure with no better category (500).</summary>
    Internal,
    /// <summary>The named object does not exist (404).</summary>
    NotFound,
    /// <summary>An object with that name or digest exists already (409).</summary>
    AlreadyExists,
    /// <summary>The object is in a state that forbids the operation, e.g. removing a running container (409).</summary>
    Conflict,
    /// <summary>The request itself is malformed (400).</summary>
    InvalidArgument,
    /// <summary>The request is valid but the system is not ready for it, e.g. a missing runtime binary (500).</summary>
    FailedPrecondition,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>The container is not running, or already stopped (304 for start/stop in Docker).</summary>
    NotModified,
}
