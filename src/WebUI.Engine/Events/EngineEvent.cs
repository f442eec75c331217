namespace WebUI.Engine.Events;

/// <summary>Something that happened to an object of the engine, in Docker's terms (type container/image/volume/network, action start/die/tag...).</summary>
public sealed record EngineEvent(
    string Type,
    string Action,
    string ActorId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Time);
