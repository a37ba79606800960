namespace Sirocco.Persistence;

/// <summary>
/// A JSON field (input, output, params, published, variables) is larger than
/// <see cref="StoreOptions.MaxFieldBytes"/>. The message mirrors Mistral's
/// "field size limit exceeded" text so a task or request fails with a readable reason.
/// </summary>
public sealed class FieldTooLargeException : PersistenceException
{
    /// <summary>Creates the exception for one field of one entity.</summary>
    public FieldTooLargeException(string entity, string field, long sizeBytes, long limitBytes)
        : base($"Field size limit exceeded [class={entity}, field={field}, size={KiB(sizeBytes)}KB, limit={KiB(limitBytes)}KB]")
    {
        Entity = entity;
        Field = field;
        SizeBytes = sizeBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>Model name, e.g. <c>TaskExecution</c>.</summary>
    public string Entity { get; }

    /// <summary>Field name as the API shows it, e.g. <c>published</c>.</summary>
    public string Field { get; }

    /// <summary>Size of the rejected value in UTF-8 bytes.</summary>
    public long SizeBytes { get; }

    /// <summary>The configured limit in bytes.</summary>
    public long LimitBytes { get; }

    private static long KiB(long bytes) => (bytes + 1023) / 1024;
}
