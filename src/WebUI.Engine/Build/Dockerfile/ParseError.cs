using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>Builds parse errors in Docker's wording so users recognise them and find the line.</summary>
internal static class ParseError
{
    public static EngineException At(int line, string message) =>
        EngineException.Invalid($"dockerfile parse error on line {line}: {message}");
}
