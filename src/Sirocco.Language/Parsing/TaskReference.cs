
namespace Sirocco.Language.Parsing;

/// <summary>A task name written somewhere (a transition target or a <c>requires</c> item), checked once every task is known.</summary>
/// <param name="From">The task it is written in; null in task-defaults.</param>
/// <param name="Target">The name referred to.</param>
/// <param name="Node">Where it is written.</param>
/// <param name="Path">The diagnostic path.</param>
/// <param name="IsRequires">True for <c>requires</c> (engine commands are not tasks there).</param>
internal sealed record TaskReference(string? From, string Target, YamlNode Node, string Path, bool IsRequires);
