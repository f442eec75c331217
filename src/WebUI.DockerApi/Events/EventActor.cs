namespace WebUI.DockerApi.Events;

/// <summary>The object an event is about.</summary>
public sealed record EventActor(string ID, IReadOnlyDictionary<string, string> Attributes);
