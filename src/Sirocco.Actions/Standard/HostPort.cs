using System.Globalization;

namespace Sirocco.Actions.Standard;

/// <summary>Splits <c>host:port</c> as std.ssh and std.email accept it (an IPv6 literal goes in brackets).</summary>
internal static class HostPort
{
    public static (string Host, int Port) Split(string text, int defaultPort)
    {
        var colon = text.LastIndexOf(':');
        var bracketed = text.StartsWith('[');
        var singleColon = colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon;
        if ((singleColon || (bracketed && colon > text.IndexOf(']', StringComparison.Ordinal)))
            && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return (text[..colon].Trim('[', ']'), port);
        }

        return (text.Trim('[', ']'), defaultPort);
    }
}
