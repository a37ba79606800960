namespace Sirocco.Actions.Tests.Support;

/// <summary>
/// A fact that needs OpenSSH's server (Debian openssh-server, installed by scripts/install-test-deps)
/// and root, since sshd only switches to the logged-in user as root. Skipped, with the reason, otherwise.
/// </summary>
public sealed class SshdFactAttribute : FactAttribute
{
    public SshdFactAttribute()
    {
        if (!File.Exists(SshPeer.SshdPath))
        {
            Skip = $"{SshPeer.SshdPath} missing: run scripts/install-test-deps";
        }
        else if (!Environment.IsPrivilegedProcess)
        {
            Skip = "sshd tests run as root (as in CI)";
        }
    }
}
