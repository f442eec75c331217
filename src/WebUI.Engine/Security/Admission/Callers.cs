using WebUI.Engine.Errors;

namespace WebUI.Engine.Security.Admission;

/// <summary>Resolves the caller of a checked operation: the flow's caller, root when none is required, else a refusal.</summary>
internal static class Callers
{
    public static Caller Resolve(AdmissionOptions options, string what) =>
        CallerContext.Current ?? (options.RequireCaller
            ? throw new EngineException(ErrorKind.Forbidden, $"{what} refused: the request carries no caller (deny by default)")
            : Caller.Root);
}
