namespace WebUI.Engine.Containers;

/// <summary>Which output of the container a log entry or attach chunk came from (values as in Docker's stream header).</summary>
public enum LogStream : byte
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}
