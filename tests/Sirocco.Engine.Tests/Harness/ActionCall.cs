using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>
/// One action run as a script sees it: the task, the action, its input, item index, attempt for that item
/// (1-based) and call number across the whole task (1-based).
/// </summary>
internal sealed record ActionCall(string TaskName, string ActionName, DictValue Input, int Index, int Attempt, int Call);
