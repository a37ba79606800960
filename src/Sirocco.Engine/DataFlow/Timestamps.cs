using System.Globalization;

namespace Sirocco.Engine.DataFlow;

/// <summary>Times as Mistral shows them inside workflow data: <c>2016-01-02 03:04:05</c> in UTC.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
