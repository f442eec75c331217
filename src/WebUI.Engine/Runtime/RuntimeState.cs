namespace WebUI.Engine.Runtime;

/// <summary>What `runc state` says of a container: status created|running|paused|stopped, or null when runc does not know it.</summary>
internal sealed record RuntimeState(string Status, int Pid);
