namespace WebUI.Identity;

/// <summary>How a setup attempt ended; <see cref="Errors"/> says why the name or password were refused.</summary>
public sealed record SetupOutcome(bool Succeeded, bool IsClosed, IReadOnlyList<string> Errors)
{
    public static SetupOutcome Done { get; } = new(true, false, []);
    public static SetupOutcome Closed { get; } = new(false, true, ["Setup is closed."]);
    public static SetupOutcome WrongCode { get; } = new(false, false, ["The setup code is wrong (or void: see the server log)."]);
    public static SetupOutcome Invalid(IReadOnlyList<string> errors) => new(false, false, errors);
}
