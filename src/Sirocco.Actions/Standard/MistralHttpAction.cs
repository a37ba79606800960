using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.mistral_http: a delegate. It sends the request with the Mistral headers that tell the receiver
/// how to report back (above all <c>Mistral-Callback-URL</c>), then stays pending; a failed request is an error.
/// </summary>
[Action("std.mistral_http", Description = "Like std.http, plus the Mistral-* callback headers; stays pending until completed.")]
internal sealed class MistralHttpAction(HttpSender sender) : HttpAction(sender)
{
    public override async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        var headers = Headers ?? DictValue.Empty;
        // Mistral 15 names the execution header Mistral-Workflow-Execution-Id; Mistral-Execution-Id is sent
        // too so receivers written against either name work.
        headers = With(headers, "Mistral-Workflow-Name", context.WorkflowName);
        headers = With(headers, "Mistral-Workflow-Execution-Id", context.ExecutionId);
        headers = With(headers, "Mistral-Execution-Id", context.ExecutionId);
        headers = With(headers, "Mistral-Task-Id", context.TaskExecutionId);
        headers = With(headers, "Mistral-Action-Execution-Id", context.ActionExecutionId);
        headers = With(headers, "Mistral-Callback-URL", context.CallbackUrl?.ToString());
        var result = await SendAsync(context, headers).ConfigureAwait(false);
        return result.IsSuccessStatus ? ActionOutcome.Pending : ActionOutcome.Error(result.Output);
    }

    // requests leaves out headers whose value is None; an action run without a workflow has no task id.
    private static DictValue With(DictValue headers, string name, string? value) =>
        value is null ? headers : headers.With(name, new StringValue(value));
}
