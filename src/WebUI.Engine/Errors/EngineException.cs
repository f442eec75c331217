namespace WebUI.Engine.Errors;

/// <summary>An engine failure with a category and a message a user can act on.</summary>
public sealed class EngineException : Exception
{
    public EngineException(ErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public ErrorKind Kind { get; }

    public static EngineException NotFound(string message) => new(ErrorKind.NotFound, message);
    public static EngineException AlreadyExists(string message) => new(ErrorKind.AlreadyExists, message);
    public static EngineException Conflict(string message) => new(ErrorKind.Conflict, message);
    public static EngineException Invalid(string message) => new(ErrorKind.InvalidArgument, message);
    public static EngineException Precondition(string message) => new(ErrorKind.FailedPrecondition, message);
    public static EngineException NotModified(string message) => new(ErrorKind.NotModified, message);
}
