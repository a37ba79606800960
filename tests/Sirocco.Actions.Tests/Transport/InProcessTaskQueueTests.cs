using System.Text.Json;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Transport;

public class InProcessTaskQueueTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void Run_action_request_round_trips_through_System_Text_Json()
    {
        var request = new RunActionRequest
        {
            ActionExecutionId = "ae",
            ActionName = "std.http",
            InputJson = """{"url":"http://x"}""",
            ExecutionId = "ex",
            TaskExecutionId = "te",
            WorkflowName = "wf",
            CallbackUrl = new Uri("http://127.0.0.1/v2/callbacks/ae/token"),
            Target = "edge",
            Timeout = TimeSpan.FromSeconds(90),
            SafeRerun = true,
        };

        Assert.Equal(request, JsonSerializer.Deserialize<RunActionRequest>(JsonSerializer.Serialize(request)));
    }

    [Fact]
    public void Result_message_round_trips_through_System_Text_Json()
    {
        var result = new ActionResultMessage("ae", ActionResultKind.Error, "\"boom\"");

        Assert.Equal(result, JsonSerializer.Deserialize<ActionResultMessage>(JsonSerializer.Serialize(result)));
    }

    [Fact]
    public async Task Nack_with_requeue_delivers_again_flagged_redelivered()
    {
        var queue = new InProcessTaskQueue();
        await queue.EnqueueAsync(Request("a"));
        var first = await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None).AsTask().WaitAsync(Deadline);
        Assert.False(first.Redelivered);

        await first.NackAsync(requeue: true);
        var second = await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None).AsTask().WaitAsync(Deadline);

        Assert.True(second.Redelivered);
        Assert.Equal("a", second.Request.ActionExecutionId);
    }

    [Fact]
    public async Task Nack_without_requeue_and_ack_both_drop_the_request()
    {
        var queue = new InProcessTaskQueue();
        await queue.EnqueueAsync(Request("a"));
        await queue.EnqueueAsync(Request("b"));

        await (await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None)).NackAsync(requeue: false);
        await (await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None)).AckAsync();

        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.UnacknowledgedCount);
    }

    [Fact]
    public async Task Unacknowledged_requests_come_back_when_their_consumer_is_gone()
    {
        var queue = new InProcessTaskQueue();
        await queue.EnqueueAsync(Request("a"));
        var lost = await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None);

        Assert.Equal(1, queue.RequeueUnacknowledged());
        var again = await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None).AsTask().WaitAsync(Deadline);
        await lost.AckAsync();

        Assert.True(again.Redelivered);
        Assert.Equal(1, queue.UnacknowledgedCount);
    }

    [Fact]
    public async Task Dequeue_waits_for_a_request_on_its_own_target()
    {
        var queue = new InProcessTaskQueue();
        var waiting = queue.DequeueAsync("edge", CancellationToken.None).AsTask();

        await queue.EnqueueAsync(Request("elsewhere"));
        Assert.False(waiting.IsCompleted);
        await queue.EnqueueAsync(Request("here") with { Target = "edge" });

        Assert.Equal("here", (await waiting.WaitAsync(Deadline)).Request.ActionExecutionId);
    }

    private static RunActionRequest Request(string id) => new() { ActionExecutionId = id, ActionName = "std.noop" };
}
