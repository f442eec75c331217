namespace WebUI.Engine.Build.Dockerfile;

/// <summary>A here-document attached to RUN, COPY or ADD.</summary>
/// <param name="Name">The delimiter word, quotes removed.</param>
/// <param name="Content">The body, each line ending in "\n"; with <paramref name="Chomp"/> leading tabs are already stripped.</param>
/// <param name="Expand">False when the delimiter was quoted (<c>&lt;&lt;'EOF'</c>): the body is taken literally.</param>
/// <param name="Chomp">True for <c>&lt;&lt;-EOF</c>.</param>
internal sealed record Heredoc(string Name, string Content, bool Expand, bool Chomp);
