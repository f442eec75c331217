namespace WebUI.Engine.Distribution;

/// <summary>
/// One progress event of a pull or push, shaped like Docker's JSON messages: a status for an id (a layer's short
/// digest, a tag, or none), optional byte progress, and for push the final aux record.
/// </summary>
public sealed record DistributionProgress(string Status, string? Id = null, long? Current = null, long? Total = null, PushResult? Aux = null);
