using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// <see cref="PropertyConfig.Checked"/>, the configuration of properties run from code (the deep sweep), fails on a
/// failing case and replays the same cases every time.
/// </summary>
public class PropertyConfigTests
{
    [Fact]
    public void A_failing_case_throws()
    {
        var property = Prop.ForAll(Gen.Choose(0, 9).ToArbitrary(), (Action<int>)(x => Assert.True(x < 0)));
        Assert.ThrowsAny<Exception>(() => Check.One(PropertyConfig.Checked(5), property));
    }

    [Fact]
    public void The_same_cases_are_drawn_every_time()
    {
        static List<int> Draws()
        {
            var seen = new List<int>();
            Check.One(PropertyConfig.Checked(20), Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), (Action<int>)seen.Add));
            return seen;
        }
        var first = Draws();
        Assert.Equal(20, first.Count);
        Assert.Equal(first, Draws());
    }
}
