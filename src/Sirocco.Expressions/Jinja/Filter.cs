using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A Jinja filter: <c>input | name(args)</c>.</summary>
internal delegate Value Filter(Value input, Arguments args, Frame frame);
