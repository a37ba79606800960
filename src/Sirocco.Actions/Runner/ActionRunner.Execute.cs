using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Registry;
using Sirocco.Expressions.Values;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Runner;

/// <content>Running one action call and turning how it ended into a result message.</content>
public sealed partial class ActionRunner
{
    /// <summary>The result of one call, or null when the runner is stopping and the call should be handed back.</summary>
    private async Task<ActionResultMessage?> ExecuteAsync(RunningAction running)
    {
        var request = running.Request;
        var descriptor = _registry.Find(request.ActionName);
        if (descriptor is null)
        {
            return ErrorResult(request, $"Failed to find action [action_name={request.ActionName}]");
        }

        IAction action;
        DictValue input;
        try
        {
            input = JsonValues.Parse(request.InputJson) as DictValue
                ?? throw new ActionInputException($"Invalid input [name={request.ActionName}]: the input must be a dictionary");
            action = descriptor.Create(input);
        }
        catch (Exception e) when (e is ActionInputException or JsonException)
        {
            return ErrorResult(request, e.Message);
        }

        var timeout = request.Timeout ?? _options.DefaultTimeout;
        using var deadline = timeout is { } t ? new CancellationTokenSource(t, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(running.Token, deadline.Token);
        var context = new ActionContext
        {
            ActionExecutionId = request.ActionExecutionId,
            ExecutionId = request.ExecutionId,
            TaskExecutionId = request.TaskExecutionId,
            WorkflowName = request.WorkflowName,
            CallbackUrl = request.CallbackUrl,
            Input = input,
            CancellationToken = linked.Token,
            Logger = _loggerFactory.CreateLogger(descriptor.ImplementationType),
            Time = _time,
        };

        // One scope per call so every log line of the action, std or plugin, can be followed by execution.
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ExecutionId"] = request.ExecutionId,
            ["TaskExecutionId"] = request.TaskExecutionId,
            ["ActionExecutionId"] = request.ActionExecutionId,
            ["ActionName"] = request.ActionName,
        });
        _logger.LogStarting(request.ActionName, request.ActionExecutionId);
        ActionResultMessage result;
        try
        {
            // Task.Run: an action that blocks (or ignores its token) must not hold up the runner; WaitAsync
            // lets the timeout and cancellation end the call even then.
            var outcome = await Task.Run(() => action.RunAsync(context).AsTask(), linked.Token)
                .WaitAsync(linked.Token).ConfigureAwait(false);
            result = outcome.Kind switch
            {
                ActionOutcomeKind.Success => new(request.ActionExecutionId, ActionResultKind.Success, outcome.Value.ToJson()),
                ActionOutcomeKind.Error => new(request.ActionExecutionId, ActionResultKind.Error, outcome.Value.ToJson()),
                _ => new(request.ActionExecutionId, ActionResultKind.Pending, null),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !running.Token.IsCancellationRequested)
        {
            var seconds = timeout!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            result = ErrorResult(request, $"The action timed out [action={request.ActionName}, action_ex_id={request.ActionExecutionId}, timeout={seconds}s]");
        }
        catch (OperationCanceledException) when (running.CancelRequested)
        {
            result = new(request.ActionExecutionId, ActionResultKind.Cancelled, null);
        }
        catch (OperationCanceledException) when (running.Token.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            _logger.LogActionException(e, request.ActionName, request.ActionExecutionId);
            result = ErrorResult(
                request,
                $"The action raised an exception [action={ActionText(action, descriptor)}, action_ex_id={request.ActionExecutionId}, msg='{e.Message}']");
        }

        _logger.LogFinished(request.ActionName, result.Kind.ToString(), request.ActionExecutionId);
        return result;
    }

    private static ActionResultMessage ErrorResult(RunActionRequest request, string message) =>
        new(request.ActionExecutionId, ActionResultKind.Error, new StringValue(message).ToJson());

    // Mistral quotes the action's repr; an action that defines ToString (std.fail: "Fail action") is quoted by it.
    private static string ActionText(IAction action, ActionDescriptor descriptor) =>
        action.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType == typeof(object)
            ? descriptor.Name
            : action.ToString() ?? descriptor.Name;
}
