namespace Sirocco.Api.Executions;

/// <summary>Mistral's state names and which of them are final.</summary>
internal static class ExecutionStates
{
    public const string Running = "RUNNING";
    public const string Paused = "PAUSED";
    public const string Success = "SUCCESS";
    public const string Error = "ERROR";
    public const string Cancelled = "CANCELLED";
    public const string Idle = "IDLE";

    /// <summary>What <c>PUT /v2/executions/{id}</c> may ask for.</summary>
    public static readonly string[] ExecutionTargets = [Running, Paused, Success, Error, Cancelled];

    /// <summary>What <c>PUT /v2/action_executions/{id}</c> may ask for, in Mistral's order (it quotes the list in its error).</summary>
    public static readonly string[] ActionTargets = [Success, Error, Cancelled, Paused, Running];

    public static bool IsCompleted(string state) => state is Success or Error or Cancelled;
}
