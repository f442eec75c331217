namespace WebUI.Engine.Containers;

/// <summary>docker ps: all (not only running), limit (newest first), Docker filters.</summary>
public sealed record ContainerListOptions
{
    public bool All { get; init; }
    /// <summary>At most this many, newest first; implies All as in Docker. Null or &lt;= 0: no limit.</summary>
    public int? Limit { get; init; }
    /// <summary>status, name, label, id, ancestor, exited, before, since.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
