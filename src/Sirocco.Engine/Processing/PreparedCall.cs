using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>An evaluated call: the action or workflow name, its input and the executor target.</summary>
internal readonly record struct PreparedCall(string Name, DictValue Input, string? Target);
