namespace Sirocco.Cli.Tests;

public sealed class ServerRolesTests
{
    [Fact]
    public void Parse_Nothing_MeansEveryRole()
    {
        Assert.Equal(["api", "engine", "executor", "scheduler"], ServerRoles.Parse(null, out _)!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_Subset_IgnoresCaseAndSpaces()
    {
        Assert.Equal(["engine", "executor"], ServerRoles.Parse(" Executor, engine ", out var error)!.Order(StringComparer.Ordinal));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("api,worker", "unknown role(s) worker")]
    [InlineData(",", "--roles names no role")]
    public void Parse_Invalid_ReturnsNullWithTheReason(string text, string expected)
    {
        Assert.Null(ServerRoles.Parse(text, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
