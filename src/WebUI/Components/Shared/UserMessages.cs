using WebUI.Engine.Errors;

namespace WebUI.Components.Shared;

/// <summary>Turns a failure into words for the user: the engine's own message, else a short generic one (details stay in the server log).</summary>
public static class UserMessages
{
    public static string For(Exception e) => e switch
    {
        EngineException ee => ee.Message,
        FormatException fe => fe.Message,
        OperationCanceledException => "Cancelled.",
        IOException io => "Reading or writing failed: " + io.Message,
        _ => "Something went wrong; the server log has the details.",
    };
}
