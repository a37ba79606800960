using Sirocco.Language.Parsing;

namespace Sirocco.Language.Tests.Parsing;

public sealed class ExpressionSyntaxTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("<% $.a %>")]
    [InlineData("a <% $.a %> b {{ _.b }} c")]
    [InlineData("{% if x %}{{ x }}{% endif %}")]
    [InlineData("{\"a\": {\"b\": 1}}")]
    [InlineData("100% sure")]
    public void CheckDelimiters_accepts_balanced_text(string text) => Assert.Empty(ExpressionSyntax.CheckDelimiters(text));

    [Theory]
    [InlineData("<% $.a", "'<%' at offset 0 is not closed with '%>'")]
    [InlineData("x {{ _.a", "'{{' at offset 2 is not closed with '}}'")]
    [InlineData("{% if x", "'{%' at offset 0 is not closed with '%}'")]
    [InlineData("$.a %>", "'%>' at offset 4 has no opening '<%'")]
    [InlineData("<% <% $.a %>", "'<%' opens inside the expression at offset 0, which is not closed before it")]
    [InlineData("<%  %>", "empty expression '<%  %>' at offset 0")]
    public void CheckDelimiters_reports_the_first_problem(string text, string message) =>
        Assert.Equal([message], ExpressionSyntax.CheckDelimiters(text));

    [Theory]
    [InlineData("<% $.a %>", true)]
    [InlineData("  {{ _.a }}  ", true)]
    [InlineData("{% if a %}x{% endif %}", true)]
    [InlineData("x <% $.a %>", false)]
    [InlineData("<%%>", true)]
    [InlineData("true", false)]
    public void IsWholeExpression_matches_Mistral_expression_properties(string text, bool expected) =>
        Assert.Equal(expected, ExpressionSyntax.IsWholeExpression(text));
}
