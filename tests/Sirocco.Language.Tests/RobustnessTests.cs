namespace Sirocco.Language.Tests;

/// <summary>
/// The parser's contract is "a document or diagnostics, never an exception": damaged versions of every valid corpus
/// file (lines dropped, duplicated or cut, characters swapped for YAML and expression syntax) must all come back as
/// a <see cref="ParseResult"/> whose diagnostics point inside the text.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly string[] Splinters = [":", "- ", "[", "{", "<%", "%>", "{{", "\"", "'", "&a ", "*a", " x=", "\t", "#", "|"];

    [Fact]
    public void Damaged_definitions_yield_diagnostics_not_exceptions()
    {
        var random = new Random(20261126);
        var directory = Path.Combine(AppContext.BaseDirectory, "Corpus", "valid");
        var checkedCount = 0;
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (var damaged in Damage(text, random))
            {
                var result = WorkflowParser.Parse(damaged);
                var lines = damaged.Split('\n').Length + 1;
                Assert.All(result.Diagnostics, d => Assert.InRange(d.Line, 1, lines));
                Assert.Equal(result.IsValid, result.Diagnostics.IsEmpty);
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 1000);
    }

    private static IEnumerable<string> Damage(string text, Random random)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < 4; i++)
        {
            var at = random.Next(lines.Length);
            yield return string.Join('\n', lines.Where((_, n) => n != at));
            yield return string.Join('\n', lines.Take(at + 1).Concat(lines.Skip(at)));
            yield return text[..random.Next(text.Length)];
            var position = random.Next(text.Length);
            yield return text[..position] + Splinters[random.Next(Splinters.Length)] + text[(position + 1)..];
        }
    }
}
