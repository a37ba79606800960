namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>A clock the test sets by hand (keeps the test project free of extra packages).</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
