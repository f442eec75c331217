namespace WebUI.Terminal;

/// <summary>What a terminal session is connected to.</summary>
public enum TerminalMode
{
    /// <summary>A new process in the container (docker exec -it).</summary>
    Exec,

    /// <summary>The container's main process (docker attach); closing detaches, it does not stop the container.</summary>
    Attach,
}
