namespace Sirocco.Persistence.Postgres;

/// <summary>How to reach the production PostgreSQL database.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>Npgsql connection string, e.g. <c>Host=db;Database=sirocco;Username=sirocco;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Limits shared by every provider.</summary>
    public StoreOptions Store { get; set; } = new();
}
