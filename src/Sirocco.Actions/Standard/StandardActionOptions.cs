namespace Sirocco.Actions.Standard;

/// <summary>Settings of the std.* actions, with their defaults.</summary>
public sealed class StandardActionOptions
{
    /// <summary>Wall-clock limit of one std.javascript call. Default 10 s.</summary>
    public TimeSpan JavaScriptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory one std.javascript call may allocate, in bytes. Default 64 MiB.</summary>
    public long JavaScriptMemoryLimit { get; set; } = 64L * 1024 * 1024;

    /// <summary>Statements one std.javascript call may execute; 0 means no limit. Default 0 (the timeout bounds loops).</summary>
    public int JavaScriptMaxStatements { get; set; }

    /// <summary>Call depth of std.javascript. Default 256.</summary>
    public int JavaScriptRecursionLimit { get; set; } = 256;

    /// <summary>
    /// Where std.ssh looks for a relative <c>private_key_filename</c>. Default <c>~/.ssh/</c>, as Mistral.
    /// </summary>
    public string SshKeyDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh");

    /// <summary>Time to connect and authenticate for std.ssh and std.email. Default 30 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
