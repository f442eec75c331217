namespace WebUI.Components.Account.Pages;

/// <summary>The new-token form: a name and an optional lifetime in days (empty: no expiry).</summary>
public sealed class TokenCreateInput
{
    public string Name { get; set; } = "";

    public int? Days { get; set; }
}
