namespace WebUI.Engine.Runtime;

/// <summary>A mount entry of the OCI spec, resolved to a host source at start.</summary>
internal sealed record SpecMount(string Destination, string Type, string Source, IReadOnlyList<string> Options);
