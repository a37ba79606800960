using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>The output dictionary of std.http and whether Mistral counts its status as success.</summary>
internal sealed record HttpResult(DictValue Output, int Status)
{
    // Mistral: `if resp.status_code not in range(200, 307)` is an error, so 300-306 are successes.
    public bool IsSuccessStatus => Status is >= 200 and < 307;
}
