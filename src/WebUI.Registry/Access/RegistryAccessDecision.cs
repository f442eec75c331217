namespace WebUI.Registry.Access;

/// <summary>The answer of an <see cref="IRegistryAccessPolicy"/>.</summary>
public enum RegistryAccessDecision
{
    Allow,
    /// <summary>The caller is not known: 401 with a WWW-Authenticate challenge, so clients log in and retry.</summary>
    Challenge,
    /// <summary>The caller is known but may not do this: 403 DENIED.</summary>
    Deny,
}
