using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// One <c>with-items</c> entry, <c>x in &lt;% $.xs %&gt;</c> or <c>x in [1, 2]</c>.
/// </summary>
/// <param name="Variable">The loop variable (<c>$.x</c> inside the task).</param>
/// <param name="Items">A <see cref="StringValue"/> expression yielding the list, or a <see cref="ListValue"/> literal.</param>
/// <param name="Location">Where the entry is written.</param>
public sealed record WithItemsEntry(string Variable, Value Items, SourceLocation Location);
