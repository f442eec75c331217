namespace WebUI.Engine.Networks;

/// <summary>Who a CNI call is for: CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME.</summary>
internal sealed record CniInvocation(string ContainerId, string NetnsPath, string IfName);
