namespace Sirocco.Language.Parsing;

/// <summary>Builds the dotted diagnostic paths (<c>workflows.wf.tasks.t1.on-success[1]</c>).</summary>
internal static class YamlPaths
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
