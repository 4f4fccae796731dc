using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Properties.Generators;
using Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A property whose generated cases are all discarded fails (docs/design.md "Tests"): discards inside a property
/// (<c>Prop.When</c>) are counted by FsCheck, which gives up and fails; discards by a generator filter are counted by
/// <see cref="CountedFilter"/>, which fails after <see cref="CountedFilter.MaxConsecutive"/> in a row.
/// </summary>
public class DiscardTests
{
    [Fact]
    public void A_property_that_discards_every_case_fails()
    {
        var property = Prop.ForAll(Gen.Choose(0, 9).ToArbitrary(), x => Prop.When(x > 100, () => Assert.True(x > 100)));
        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), property));
    }

    [Fact]
    public void A_generator_filter_that_discards_every_draw_fails_naming_the_filter()
    {
        var never = Gen.Choose(0, 9).Where("never kept", x => x > 100);
        var e = Assert.Throws<InvalidOperationException>(() => never.Sample(1, 1));
        Assert.Contains("never kept", e.Message, StringComparison.Ordinal);
        Assert.True(CountedFilter.CountsOf("never kept").Discarded >= CountedFilter.MaxConsecutive);
    }

    [Fact]
    public void A_filter_that_keeps_some_draws_counts_both()
    {
        var even = Gen.Choose(0, 9).Where("even digit", x => x % 2 == 0).Sample(20, 10);
        Assert.All(even, x => Assert.Equal(0, x % 2));
        var (kept, discarded) = CountedFilter.CountsOf("even digit");
        Assert.True(kept >= 20, $"kept {kept}");
        Assert.True(discarded > 0, $"discarded {discarded}");
    }
}
