namespace Sirocco.Persistence.Tests.Infrastructure;

/// <summary>A fresh SQLite file path in a temp folder, deleted (with its WAL) on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sirocco-sqlite-" + Guid.NewGuid().ToString("N")[..8]);

    public TempSqliteFile()
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "sirocco.db");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
