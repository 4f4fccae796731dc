using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The hot-path finiteness checks throw exactly when <c>Guard.Finite</c> does, with
/// its message, on short spans (scanned directly) and long ones (one sum first), and a long span whose sum overflows
/// while every entry is finite passes; <c>Guard.FiniteRows</c> names the index within the first offending row.
/// </summary>
public class FiniteCheckTests
{
    private static readonly double[] NonFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void FiniteFast_throws_exactly_when_an_entry_is_not_finite(int length)
    {
        Guard.FiniteFast(Enumerable.Repeat(double.MaxValue, length).ToArray(), "v");
        foreach (double bad in NonFinite)
        {
            for (int k = 0; k < length; k++)
            {
                var values = Enumerable.Repeat(1.5, length).ToArray();
                values[k] = bad;
                var e = Assert.Throws<InvalidInputException>(() => Guard.FiniteFast(values, "v"));
                Assert.Equal(Assert.Throws<InvalidInputException>(() => Guard.Finite(values, "v")).Message, e.Message);
                Assert.Contains($"v[{k}]", e.Message);
            }
        }
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(3, 9)]
    public void FiniteRows_names_the_entry_of_the_first_offending_row(int rows, int rowLength)
    {
        Guard.FiniteRows(Enumerable.Repeat(double.MaxValue, rows * rowLength).ToArray(), rowLength, "x");
        foreach (double bad in NonFinite)
        {
            for (int k = 0; k < rows * rowLength; k++)
            {
                var values = Enumerable.Repeat(-2.0, rows * rowLength).ToArray();
                values[k] = bad;
                var e = Assert.Throws<InvalidInputException>(() => Guard.FiniteRows(values, rowLength, "x"));
                Assert.Contains($"x[{k % rowLength}]", e.Message);
            }
        }
    }
}
