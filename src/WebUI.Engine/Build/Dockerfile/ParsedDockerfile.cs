namespace WebUI.Engine.Build.Dockerfile;

/// <summary>A parsed Dockerfile: its parser directives and its instructions in source order.</summary>
/// <param name="Syntax">The value of a <c># syntax=</c> directive; recorded, not acted on (no frontend images here).</param>
/// <param name="Escape">The escape character, <c>\</c> unless an <c># escape=</c> directive says <c>`</c>.</param>
/// <param name="Warnings">Docker's parser warnings (empty continuation lines), to print before the build steps.</param>
internal sealed record ParsedDockerfile(string? Syntax, char Escape, IReadOnlyList<Instruction> Instructions, IReadOnlyList<string> Warnings);
