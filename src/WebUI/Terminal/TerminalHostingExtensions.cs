namespace WebUI.Terminal;

/// <summary>Program.cs entry for the web terminal.</summary>
public static class TerminalHostingExtensions
{
    public static IServiceCollection AddWebTerminal(this IServiceCollection services)
    {
        services.AddOptions<TerminalOptions>().BindConfiguration(TerminalOptions.SectionName);
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024)
            // The browser sends keystrokes without waiting for each answer: one call at a time per connection, in the
            // order sent, is what keeps them in order (the default, stated because terminal.js relies on it).
            .AddHubOptions<TerminalHub>(o => o.MaximumParallelInvocationsPerClient = 1);
        services.AddSingleton<ITerminalClients, HubTerminalClients>();
        services.AddSingleton<TerminalSessions>();
        return services;
    }

    public static WebApplication MapWebTerminal(this WebApplication app)
    {
        app.MapHub<TerminalHub>(TerminalHub.Path);
        return app;
    }
}
