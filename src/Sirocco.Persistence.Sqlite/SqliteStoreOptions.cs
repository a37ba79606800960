namespace Sirocco.Persistence.Sqlite;

/// <summary>Where and how to open the embedded SQLite database.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Database file; default <c>sirocco.db</c> in the working directory.</summary>
    public string Path { get; set; } = "sirocco.db";

    /// <summary>How long a writer waits for the lock before failing; default 30 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limits shared by every provider.</summary>
    public StoreOptions Store { get; set; } = new();
}
