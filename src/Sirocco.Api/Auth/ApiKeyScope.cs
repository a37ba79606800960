namespace Sirocco.Api.Auth;

/// <summary>What an API key may do. Each scope includes the ones before it.</summary>
public enum ApiKeyScope
{
    /// <summary>GET and HEAD only.</summary>
    Read = 0,

    /// <summary>Also state-changing calls (POST, PUT, PATCH, DELETE) on the Mistral resources.</summary>
    Write = 1,

    /// <summary>Everything, including key management.</summary>
    Admin = 2,
}
