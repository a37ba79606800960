using Sirocco.Engine.Commands;
using Sirocco.Engine.State;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Tests.Execution;

public sealed class CommandCodecTests
{
    [Fact]
    public void CompleteExecution_RoundTrips_WithoutTheOutput()
    {
        var (kind, payload) = CommandCodec.Encode(new CompleteExecution("e1", ExecutionState.Error, "boom"));

        Assert.Equal(nameof(CompleteExecution), kind);
        Assert.DoesNotContain("output", payload, StringComparison.Ordinal);
        Assert.Equal(new CompleteExecution("e1", ExecutionState.Error, "boom"), CommandCodec.Decode(kind, payload));
    }

    [Fact]
    public void CompleteExecution_StoredWithItsOutputBefore_StillDecodes()
    {
        // Outbox rows written before the output left the command carry it; recovery must still read them.
        const string payload = """{"execution_id":"e1","state":"SUCCESS","state_info":null,"output":{"k1":"a large value"}}""";

        Assert.Equal(new CompleteExecution("e1", ExecutionState.Success, null), CommandCodec.Decode(nameof(CompleteExecution), payload));
    }
}
