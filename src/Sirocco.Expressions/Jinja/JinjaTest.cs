using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A Jinja test: <c>input is name(args)</c>.</summary>
internal delegate bool JinjaTest(Value input, Arguments args, Frame frame);
