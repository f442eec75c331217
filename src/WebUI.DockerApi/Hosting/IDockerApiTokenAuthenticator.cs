using WebUI.Engine.Security.Admission;

namespace WebUI.DockerApi.Hosting;

/// <summary>Turns the bearer token of a TCP request into its caller (the token's user, role and teams); implemented by the host's identity.</summary>
public interface IDockerApiTokenAuthenticator
{
    /// <summary>The caller, or null when the token is unknown, revoked, expired, or its user disabled.</summary>
    ValueTask<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken);
}
