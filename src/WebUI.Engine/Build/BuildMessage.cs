namespace WebUI.Engine.Build;

/// <summary>One message of a build's output: text for the terminal, or the id of the built image (Docker's aux message).</summary>
public sealed record BuildMessage(string? Stream, string? ImageId = null);
