namespace WebUI.Engine.Containers;

/// <summary>What docker wait waits for.</summary>
public enum WaitCondition
{
    /// <summary>Returns at once if the container is not running, else at its exit.</summary>
    NotRunning,
    /// <summary>The next exit, even if the container is not running yet (docker run uses it before start).</summary>
    NextExit,
    /// <summary>The container has been removed (docker run --rm).</summary>
    Removed,
}
