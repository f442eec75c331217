using MudBlazor;

namespace WebUI.Components.Shared;

/// <summary>One color per container state, the same on every page.</summary>
public static class StateColors
{
    public static Color For(string state) => state switch
    {
        "running" => Color.Success,
        "paused" or "restarting" => Color.Warning,
        "exited" or "dead" => Color.Error,
        _ => Color.Default,
    };
}
