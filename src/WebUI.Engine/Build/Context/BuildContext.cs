namespace WebUI.Engine.Build.Context;

/// <summary>An extracted build context: its directory, the Dockerfile text and the ignore rules that applied.</summary>
/// <param name="Root">The directory COPY/ADD sources resolve in (see <see cref="ContextRoot"/>).</param>
internal sealed record BuildContext(string Root, string DockerfileText, DockerIgnore Ignore)
{
    /// <summary>The context files a COPY/ADD source list names (globs expanded, never outside <see cref="Root"/>).</summary>
    public IReadOnlyList<ContextSource> ResolveSources(IEnumerable<string> sources, string keyword = "COPY") =>
        ContextSourceResolver.Resolve(Root, sources, keyword);

    /// <summary>The layer-cache key part for those sources, with the owner and mode they will get in the layer.</summary>
    public string Checksum(IEnumerable<string> sources, int uid = 0, int gid = 0, UnixFileMode? chmod = null, string keyword = "COPY") =>
        FileSetChecksum.Compute(ResolveSources(sources, keyword), uid, gid, chmod);
}
