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

    private const string Pg = "Host=db;Database=sirocco";

    [Theory]
    [InlineData("api,engine,executor,scheduler", false, null)]
    [InlineData("executor", true, null)]
    [InlineData("api,engine", true, Pg)]
    [InlineData("api", true, Pg)]
    [InlineData("api,executor", true, Pg)]
    [InlineData("engine", true, "postgres://u:p@db/sirocco")]
    [InlineData("scheduler,executor", true, Pg)]
    [InlineData("api,engine,executor,scheduler", true, Pg)]
    public void Check_SupportedCombination_IsAccepted(string roles, bool broker, string? db)
    {
        Assert.Null(ServerRoles.Check(ServerRoles.Parse(roles, out _)!, broker, db));
    }

    [Theory]
    [InlineData("executor", false, null, "--roles executor needs --rabbitmq")]
    [InlineData("api,engine", false, Pg, "--roles api,engine needs --rabbitmq")]
    [InlineData("api", true, null, "--roles api needs --db with a PostgreSQL connection string")]
    [InlineData("engine", true, null, "--roles engine needs --db with a PostgreSQL connection string")]
    [InlineData("scheduler", true, "sirocco.db", "--roles scheduler needs --db with a PostgreSQL connection string")]
    public void Check_UnsupportedCombination_SaysWhy(string roles, bool broker, string? db, string expected)
    {
        Assert.StartsWith(expected, ServerRoles.Check(ServerRoles.Parse(roles, out _)!, broker, db), StringComparison.Ordinal);
    }
}
