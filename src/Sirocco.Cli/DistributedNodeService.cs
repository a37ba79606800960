using Microsoft.Extensions.Hosting;

namespace Sirocco.Cli;

/// <summary>Runs the <see cref="DistributedNode"/> of an API process for the host's lifetime.</summary>
internal sealed class DistributedNodeService(DistributedNode node) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => node.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await node.DisposeAsync().ConfigureAwait(false);
}
