using Sirocco.Api.Http;
using Sirocco.Language;

namespace Sirocco.Api.Definitions;

/// <summary>The answer of the three <c>validate</c> endpoints: always 200, <c>valid</c> and the first problem as <c>error</c>, as Mistral.</summary>
internal static class Validation
{
    public static IResult Answer(ParseResult result)
    {
        if (result.IsValid)
        {
            return ApiResults.Json(new JsonObject { ["valid"] = true });
        }

        // Mistral gives one "error" text; we add every diagnostic with its position under "errors".
        return ApiResults.Json(new JsonObject
        {
            ["valid"] = false,
            ["error"] = DefinitionParsing.Describe(result),
            ["errors"] = DefinitionParsing.DiagnosticsJson(result),
        });
    }
}
