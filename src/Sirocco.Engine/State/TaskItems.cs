using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.State;

/// <summary>
/// The evaluated lists of a <c>with-items</c> task, stored once when the task starts and never rewritten:
/// item <c>i</c> binds <c>Variables[k]</c> to <c>Lists[k][i]</c>.
/// </summary>
public sealed record TaskItems(string TaskExecutionId, ImmutableArray<string> Variables, ImmutableArray<ListValue> Lists)
{
    /// <summary>The item variables of item <paramref name="index"/>, in declaration order.</summary>
    public IEnumerable<KeyValuePair<string, Value>> Item(int index)
    {
        for (var k = 0; k < Variables.Length; k++)
        {
            yield return new(Variables[k], Lists[k][index]);
        }
    }
}
