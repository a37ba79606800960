using Sirocco.Actions.Standard;

namespace Sirocco.Actions.Tests.Standard;

public class HostPortTests
{
    [Theory]
    [InlineData("mail.example.org", 25, "mail.example.org", 25)]
    [InlineData("mail.example.org:2525", 25, "mail.example.org", 2525)]
    [InlineData("127.0.0.1:2222", 22, "127.0.0.1", 2222)]
    [InlineData("::1", 22, "::1", 22)]
    [InlineData("[::1]", 22, "::1", 22)]
    [InlineData("[::1]:2222", 22, "::1", 2222)]
    [InlineData("host:notaport", 22, "host:notaport", 22)]
    public void Split_reads_an_optional_port(string text, int defaultPort, string host, int port)
    {
        Assert.Equal((host, port), HostPort.Split(text, defaultPort));
    }
}
