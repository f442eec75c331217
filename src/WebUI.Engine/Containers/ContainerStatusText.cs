namespace WebUI.Engine.Containers;

/// <summary>Docker's human status of a container ("Up 3 seconds", "Exited (0) 2 minutes ago", "Created").</summary>
public static class ContainerStatusText
{
    public static string Describe(ContainerState s, DateTimeOffset now) => s.Status switch
    {
        ContainerStatus.Running => "Up " + HumanDuration(now - s.StartedAt) + s.Health?.Status switch
        {
            Health.HealthState.Starting => " (health: starting)",
            Health.HealthState.Healthy => " (healthy)",
            Health.HealthState.Unhealthy => " (unhealthy)",
            _ => "",
        },
        ContainerStatus.Paused => "Up " + HumanDuration(now - s.StartedAt) + " (Paused)",
        ContainerStatus.Restarting => $"Restarting ({s.ExitCode}) {HumanDuration(now - s.FinishedAt)} ago",
        ContainerStatus.Exited when s.FinishedAt == default => "Created",
        ContainerStatus.Exited => $"Exited ({s.ExitCode}) {HumanDuration(now - s.FinishedAt)} ago",
        ContainerStatus.Removing => "Removal In Progress",
        ContainerStatus.Dead => "Dead",
        _ => "Created",
    };

    /// <summary>As Docker's go-units HumanDuration.</summary>
    public static string HumanDuration(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return $"{seconds} seconds";
        var minutes = (long)d.TotalMinutes;
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return $"{minutes} minutes";
        var hours = (long)Math.Round(d.TotalHours);
        if (hours == 1) return "About an hour";
        if (hours < 48) return $"{hours} hours";
        if (hours < 24 * 7 * 2) return $"{hours / 24} days";
        if (hours < 24 * 30 * 2) return $"{hours / 24 / 7} weeks";
        if (hours < 24 * 365 * 2) return $"{hours / 24 / 30} months";
        return $"{hours / 24 / 365} years";
    }
}
