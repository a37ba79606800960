using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>One action run as a script sees it: the task, the action, its input, item index and attempt (1-based).</summary>
internal sealed record ActionCall(string TaskName, string ActionName, DictValue Input, int Index, int Attempt);
