using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// One transition: <c>task2</c>, <c>task2: &lt;% $.ok %&gt;</c>, <c>fail msg="boom"</c>,
/// <c>pause: &lt;% $.x &gt; 1 %&gt;</c>.
/// </summary>
/// <param name="Target">The task name or engine command as written, without parameters.</param>
/// <param name="Kind">A task, or the engine command <see cref="Target"/> names.</param>
/// <param name="Condition">The condition expression text, or null when the transition is unconditional.</param>
/// <param name="Params">Inline parameters such as <c>msg</c>; empty when none.</param>
/// <param name="Location">Where the transition is written.</param>
public sealed record TransitionSpec(string Target, TransitionKind Kind, string? Condition, DictValue Params, SourceLocation Location)
{
    public bool IsEngineCommand => Kind != TransitionKind.Task;
}
