using System.Text;

namespace Sirocco.Fuzz.Tests;

/// <summary>Inputs found by fuzzing (or known JSON traps) for the REST body binding.</summary>
public sealed class RestBindingRegressionTests
{
    [Theory]
    [InlineData("""{"state": "SUCCESS", "state": "ERROR"}""")]
    [InlineData("""{"input": "{\"a\": 1, \"a\": 2}"}""")]
    [InlineData("""{"output": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]"}""")]
    [InlineData("{\"state\": \"\uD800\"}")]
    [InlineData("\uFEFF{}")]
    public void Body_is_bound_or_refused_with_a_400(string body)
    {
        var error = Record.Exception(() => RestBindingTarget.Run(Encoding.UTF8.GetBytes(body)));

        Assert.Null(error);
    }
}
