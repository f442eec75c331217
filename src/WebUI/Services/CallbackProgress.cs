namespace WebUI.Services;

/// <summary>An IProgress that calls back on the reporting thread (unlike Progress&lt;T&gt;, which posts and may run after the operation ended).</summary>
public sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
