using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Sirocco.Actions.Runner;

/// <content>Claiming a call that must not start twice, before starting it.</content>
public sealed partial class ActionRunner
{
    // While the engine side cannot be reached, a claim is retried after 1 s, 2 s, 4 s… up to this.
    private static readonly TimeSpan MaxClaimBackOff = TimeSpan.FromSeconds(30);

    private enum ClaimOutcome
    {
        Won,
        Lost,

        /// <summary>The runner stops (or the call was cancelled) before the claim was answered.</summary>
        Stopped,
    }

    /// <summary>
    /// Claims the call for this delivery. The claimant token is new per delivery, so that a repeated delivery on
    /// this very runner is told apart; asking again with the same token after a lost answer still wins.
    /// </summary>
    private async Task<ClaimOutcome> ClaimAsync(RunningAction running)
    {
        var id = running.Request.ActionExecutionId;
        var claimant = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        var backOff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                return await _sink.ClaimAsync(id, claimant, running.Token).ConfigureAwait(false) ? ClaimOutcome.Won : ClaimOutcome.Lost;
            }
            catch (OperationCanceledException) when (running.Token.IsCancellationRequested)
            {
                return ClaimOutcome.Stopped;
            }
            catch (Exception e)
            {
                _logger.LogClaimFailed(e, id, backOff);
            }

            try
            {
                await Task.Delay(backOff, _time, running.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ClaimOutcome.Stopped;
            }

            backOff = backOff * 2 > MaxClaimBackOff ? MaxClaimBackOff : backOff * 2;
        }
    }
}
