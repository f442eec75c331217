using System.Text.Json.Nodes;

namespace WebUI.Engine.Networks;

/// <summary>A CNI network configuration list: a name and plugins run in order on ADD and in reverse on DEL.</summary>
internal sealed record CniNetworkList(string Name, IReadOnlyList<JsonObject> Plugins)
{
    public const string Version = "1.0.0";
}
