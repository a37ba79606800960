using Microsoft.Data.Sqlite;

namespace Sirocco.Bench;

/// <summary>
/// Measures a server's SQLite file. For Sirocco it first folds the write-ahead log into the file
/// (<c>wal_checkpoint(TRUNCATE)</c>, safe while the server runs), so the size is the data and not
/// how far the log happened to grow; otherwise it adds the file and its log.
/// </summary>
internal sealed class DatabaseProbe(string path, bool checkpoint)
{
    public long Size()
    {
        if (checkpoint)
        {
            try
            {
                using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA wal_checkpoint(TRUNCATE);";
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy: fall back to file plus log.
            }
        }

        return Length(path) + Length(path + "-wal");
    }

    private static long Length(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;
}
