namespace WebUI.Components.Account.Pages;

/// <summary>The revoke form: the token's id.</summary>
public sealed class TokenRevokeInput
{
    public string Id { get; set; } = "";
}
