using Sirocco.Expressions.Jinja;

namespace Sirocco.Expressions.Tests.Jinja;

/// <summary>Python rounds the exact binary value half-to-even; .NET's formatting rounds exact ties away from zero.</summary>
public class ExactFloatTests
{
    [Theory]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.675, 2, "2.67")]
    [InlineData(1.005, 2, "1.00")]
    [InlineData(0.5, 0, "0")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    [InlineData(1e22, 1, "10000000000000000000000.0")]
    [InlineData(5e-324, 3, "0.000")]
    public void Fixed_rounds_the_exact_value_half_to_even(double value, int precision, string expected)
    {
        Assert.Equal(expected, ExactFloat.Fixed(value, precision));
    }

    [Theory]
    [InlineData(12345.678, 3, "1.235e+04")]
    [InlineData(0.000123, 6, "1.230000e-04")]
    [InlineData(9.9999, 2, "1.00e+01")]
    [InlineData(0.0, 2, "0.00e+00")]
    public void Exponent_matches_printf(double value, int precision, string expected)
    {
        Assert.Equal(expected, ExactFloat.Exponent(value, precision));
    }

    [Theory]
    [InlineData(100000.0, 6, "100000")]
    [InlineData(1000000.0, 6, "1e+06")]
    [InlineData(0.0001234, 3, "0.000123")]
    [InlineData(0.00001234, 3, "1.23e-05")]
    public void General_switches_notation_like_python(double value, int precision, string expected)
    {
        Assert.Equal(expected, ExactFloat.General(value, precision));
    }

    [Theory]
    [InlineData(2.675, 2, 2.67)]
    [InlineData(-0.5, 0, -0.0)]
    [InlineData(1234.5678, -2, 1200.0)]
    public void Round_is_pythons_round(double value, int digits, double expected)
    {
        Assert.Equal(expected, ExactFloat.Round(value, digits));
    }
}
