namespace Sirocco.Actions.Tests.Support;

/// <summary>Finds the repository root: the folder holding Sirocco.slnx above the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sirocco.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Sirocco.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
