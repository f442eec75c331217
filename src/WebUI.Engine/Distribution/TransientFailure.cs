namespace WebUI.Engine.Distribution;

/// <summary>Which failures of a transfer are worth another attempt: the network's, wherever they surface (the layer applier wraps what its reads throw).</summary>
internal static class TransientFailure
{
    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HttpRequestException or HttpIOException or System.Net.Sockets.SocketException) return true;
        return false;
    }
}
