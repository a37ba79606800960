using System.Data.Common;

namespace Sirocco.Persistence.Sql;

/// <summary>The runner's claim of an action call: the one statement that decides who may start it.</summary>
internal static class ActionClaims
{
    // The claimant's own earlier claim wins again: a claim whose answer was lost (an engine died after committing
    // it) is retried by the same runner, and must not be mistaken for somebody else's.
    private const string Claim =
        "UPDATE action_executions SET runner_state = 'CLAIMED', claimed_by = @Claimant, heartbeat_deadline = @Deadline " +
        "WHERE id = @Id AND state = 'RUNNING' AND type = 'ACTION' " +
        "AND (runner_state IS NULL OR runner_state = 'SENT' OR (runner_state = 'CLAIMED' AND claimed_by = @Claimant))";

    /// <summary>Claims one call for <paramref name="claimant"/>; true when this claimant holds it now.</summary>
    public static async Task<bool> ClaimAsync(SqlStatements statements, DbTransaction transaction, string actionExecutionId, string claimant, long? heartbeatDeadlineMicros, CancellationToken cancellationToken) =>
        await statements.ExecuteAsync(
            transaction,
            Claim,
            [SqlParameter.Text("@Claimant", claimant), SqlParameter.Int("@Deadline", heartbeatDeadlineMicros), SqlParameter.Text("@Id", actionExecutionId)],
            cancellationToken).ConfigureAwait(false) == 1;
}
