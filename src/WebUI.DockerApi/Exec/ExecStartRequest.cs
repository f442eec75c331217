namespace WebUI.DockerApi.Exec;

/// <summary>POST /exec/{id}/start's body.</summary>
public sealed class ExecStartRequest
{
    public bool Detach { get; set; }
    public bool Tty { get; set; }
    public List<int>? ConsoleSize { get; set; }
}
