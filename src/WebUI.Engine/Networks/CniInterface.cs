namespace WebUI.Engine.Networks;

/// <summary>An interface in a CNI result; Sandbox is set for the container side.</summary>
internal sealed record CniInterface(string Name, string Mac, string Sandbox);
