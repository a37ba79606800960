using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sirocco.Runtime.Scheduling;

/// <summary>
/// The execution id of one firing, derived from the trigger and the time fired: the same firing always
/// names the same execution, so starting it twice can only find it already there (the runtime answers
/// <c>Duplicate</c>), never create a second one.
/// </summary>
internal static class CronExecutionIds
{
    public static string For(string triggerId, DateTimeOffset scheduled)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"cron:{triggerId}:{scheduled.UtcTicks}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bytes = hash[..16];

        // RFC 9562 version 8 (custom) with the RFC variant, so the text is a valid UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
