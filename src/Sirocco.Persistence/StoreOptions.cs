namespace Sirocco.Persistence;

/// <summary>Limits and behaviour shared by every store provider.</summary>
public sealed class StoreOptions
{
    /// <summary>Mistral's default <c>field_size_limit_kb</c>: 1 MiB per JSON field.</summary>
    public const long DefaultMaxFieldBytes = 1024 * 1024;

    /// <summary>
    /// Largest size in UTF-8 bytes of one JSON field (inputs, outputs, params, published
    /// variables, environment variables). A negative value disables the check, as Mistral's -1. Default 1 MiB.
    /// </summary>
    public long MaxFieldBytes { get; set; } = DefaultMaxFieldBytes;

    /// <summary>Clock for <c>updated_at</c> stamps the stores set themselves; tests pass a fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Most units of work that share one commit (group commit). Default 256.</summary>
    public int MaxGroupSize { get; set; } = 256;

    /// <summary>
    /// Concurrent group-commit writers per process on PostgreSQL (SQLite always has one: it admits a
    /// single writer). Default 2: one group is being flushed while the next one is being built.
    /// </summary>
    public int PostgresWriters { get; set; } = 2;

    /// <summary>Throws <see cref="FieldTooLargeException"/> when <paramref name="json"/> is over the limit.</summary>
    public void CheckFieldSize(string entity, string field, string? json)
    {
        if (json is null || MaxFieldBytes < 0)
        {
            return;
        }

        // Cheap pre-check: a UTF-8 encoding is never longer than 3 bytes per UTF-16 char.
        if ((long)json.Length * 3 <= MaxFieldBytes)
        {
            return;
        }

        var size = System.Text.Encoding.UTF8.GetByteCount(json);
        if (size > MaxFieldBytes)
        {
            throw new FieldTooLargeException(entity, field, size, MaxFieldBytes);
        }
    }
}
