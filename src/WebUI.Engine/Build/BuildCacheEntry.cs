namespace WebUI.Engine.Build;

/// <summary>One cached build step: on <paramref name="Parent"/>, the step <paramref name="Key"/> produced <paramref name="Image"/>.</summary>
internal sealed record BuildCacheEntry(string Parent, string Key, string Image);
