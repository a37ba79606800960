namespace Sirocco.Api.Auth;

/// <summary>Who sent the request, once the API key is checked: the key's id, scope and project.</summary>
internal sealed record Caller(string KeyId, ApiKeyScope Scope, string ProjectId)
{
    private const string ItemKey = "sirocco.caller";

    public static Caller? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var caller) ? caller as Caller : null;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
