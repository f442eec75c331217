namespace WebUI.Engine.Build.Dockerfile;

/// <summary>Reads the bodies of the named heredocs from the lines after the instruction that names them.</summary>
internal delegate List<Heredoc> HeredocReader(IReadOnlyList<(string Name, bool Expand, bool Chomp)> names);
