using Sirocco.Expressions;

namespace Sirocco.Engine.DataFlow;

/// <summary>
/// An expression scope built only when an expression needs it: most task fields hold literals, and
/// building a scope copies the top level of the context, which grows with the workflow.
/// </summary>
internal sealed class LazyScope(Func<ExpressionContext> build)
{
    private ExpressionContext? _context;

    public ExpressionContext Context => _context ??= build();
}
