namespace WebUI.Engine.Build.Context;

/// <summary>One matched COPY/ADD source.</summary>
/// <param name="RelativePath">The path as matched, relative to the context root, slash-separated.</param>
/// <param name="FullPath">Where its content is on disk (a top-level symlink already followed, within the root).</param>
internal sealed record ContextSource(string RelativePath, string FullPath, bool IsDirectory);
