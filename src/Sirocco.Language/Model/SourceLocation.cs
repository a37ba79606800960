namespace Sirocco.Language.Model;

/// <summary>A 1-based line and column in the YAML text a definition was parsed from.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>Where nothing better is known: the start of the text.</summary>
    public static SourceLocation Start => new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
