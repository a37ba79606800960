namespace Sirocco.Api.Executions;

/// <summary>A direct action run.</summary>
/// <param name="Name">Built-in or ad-hoc action name.</param>
/// <param name="InputJson">Input object as JSON text.</param>
/// <param name="ParamsJson">Params (<c>save_result</c>, <c>run_sync</c>, <c>timeout</c>) as JSON text.</param>
/// <param name="Description">Free text.</param>
/// <param name="Namespace">Namespace to find an ad-hoc action in.</param>
/// <param name="SaveResult">Store the action execution (Mistral stores direct runs only when asked).</param>
/// <param name="RunSync">
/// <c>params.run_sync</c>, null when not given. As Mistral: a run that is not saved always waits for the result;
/// a saved one waits only when <c>run_sync</c> is true, otherwise it answers with the RUNNING row at once.
/// </param>
public sealed record RunAction(string Name, string InputJson, string ParamsJson, string Description, string Namespace, bool SaveResult, bool? RunSync);
