namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>What a test learns from <see cref="BlockingAction"/>.</summary>
internal sealed class BlockingProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
