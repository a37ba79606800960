using Sirocco.Expressions.Values;

namespace Sirocco.Engine;

/// <summary>Finds a stored environment by name (an execution may name its <c>env</c> instead of giving it inline).</summary>
public interface IEnvironmentLookup
{
    /// <summary>The environment's variables, or null when there is none by that name.</summary>
    DictValue? Find(string name);
}
