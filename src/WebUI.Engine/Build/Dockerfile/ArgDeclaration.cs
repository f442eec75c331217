namespace WebUI.Engine.Build.Dockerfile;

/// <summary>One name of an ARG instruction, with its default if it has one (<c>ARG a=1 b</c> declares two).</summary>
internal sealed record ArgDeclaration(string Name, string? Default);
