using WebUI.Engine.Security.Admission;

namespace WebUI.Components.Pages.Admin;

/// <summary>The security settings form: one box per <see cref="AdmissionSettings"/> switch.</summary>
public sealed class SecurityInput
{
    /// <summary>Always posted (a hidden field): a form with every box unchecked still binds, as "all off".</summary>
    public bool Posted { get; set; }

    public bool AllowHostBinds { get; set; }
    public bool AllowPrivileged { get; set; }
    public bool AllowHostNamespaces { get; set; }
    public bool AllowCapAdd { get; set; }
    public bool AllowSysctls { get; set; }
    public bool AllowDevices { get; set; }
    public bool AllowSecurityOpt { get; set; }
    public bool AllowAnonymousRegistryPull { get; set; }

    public static SecurityInput From(AdmissionSettings s) => new()
    {
        AllowHostBinds = s.AllowHostBinds, AllowPrivileged = s.AllowPrivileged, AllowHostNamespaces = s.AllowHostNamespaces,
        AllowCapAdd = s.AllowCapAdd, AllowSysctls = s.AllowSysctls, AllowDevices = s.AllowDevices,
        AllowSecurityOpt = s.AllowSecurityOpt, AllowAnonymousRegistryPull = s.AllowAnonymousRegistryPull,
    };

    public AdmissionSettings ToSettings() => new()
    {
        AllowHostBinds = AllowHostBinds, AllowPrivileged = AllowPrivileged, AllowHostNamespaces = AllowHostNamespaces,
        AllowCapAdd = AllowCapAdd, AllowSysctls = AllowSysctls, AllowDevices = AllowDevices,
        AllowSecurityOpt = AllowSecurityOpt, AllowAnonymousRegistryPull = AllowAnonymousRegistryPull,
    };
}
