namespace WebUI.Engine.Build.Dockerfile;

/// <summary>A key and value of ENV or LABEL; before evaluation both may still hold quotes and variables.</summary>
internal sealed record KeyValue(string Key, string Value);
