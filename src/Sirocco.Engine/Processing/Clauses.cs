namespace Sirocco.Engine.Processing;

/// <summary>The names of the transition clauses, as Mistral records them in <c>triggered_by</c> and <c>next_tasks</c>.</summary>
internal static class Clauses
{
    public const string OnSuccess = "on-success";
    public const string OnError = "on-error";
    public const string OnComplete = "on-complete";
}
