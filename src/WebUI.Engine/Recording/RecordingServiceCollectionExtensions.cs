using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Containers;
using WebUI.Engine.Containers.Exec;

namespace WebUI.Engine.Recording;

internal static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// Recorded exec sessions: IExecService becomes the recording decorator over the container service's own exec
    /// (register after AddContainers); options bound from "Recording".
    /// </summary>
    public static IServiceCollection AddExecRecording(this IServiceCollection services)
    {
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.SectionName);
        services.AddSingleton<RecordingStore>();
        services.AddSingleton<IExecRecordings>(sp => sp.GetRequiredService<RecordingStore>());
        services.AddSingleton<RecordingExecService>(sp => ActivatorUtilities.CreateInstance<RecordingExecService>(sp, (IExecService)sp.GetRequiredService<ContainerService>()));
        services.AddSingleton<IExecService>(sp => sp.GetRequiredService<RecordingExecService>());
        services.AddHostedService<RecordingRetention>();
        return services;
    }
}
