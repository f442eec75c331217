namespace WebUI.Engine.Security.Admission;

/// <summary>How the choke point treats a request that carries no caller.</summary>
public sealed class AdmissionOptions
{
    /// <summary>
    /// True in the web host: a create, exec, update or volume create without a caller (a front door that did not say
    /// who asks) is refused. False for the engine alone (its own tests, tools): no caller means the engine itself.
    /// </summary>
    public bool RequireCaller { get; set; }
}
