namespace WebUI.Engine.Build.Context;

/// <summary>An extracted build context: its directory, the Dockerfile text and the ignore rules that applied.</summary>
/// <param name="Root">The directory COPY/ADD sources resolve in (see <see cref="ContextRoot"/>).</param>
internal sealed record BuildContext(string Root, string DockerfileText, DockerIgnore Ignore);
