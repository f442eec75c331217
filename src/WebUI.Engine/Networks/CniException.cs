namespace WebUI.Engine.Networks;

/// <summary>A CNI plugin failed: the plugin, the command and the plugin's error (code, msg, details from its error JSON).</summary>
internal sealed class CniException(string plugin, string command, int code, string message, string? details)
    : Exception($"CNI {plugin} {command} failed: {message}{(string.IsNullOrEmpty(details) ? "" : $" ({details})")}")
{
    public string Plugin { get; } = plugin;
    public int Code { get; } = code;
    public string PluginMessage { get; } = message;
}
