using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// FsCheck's <c>Gen.Where</c> with its discards counted (docs/design.md "Tests"). FsCheck retries a filter for as long as
/// it takes, so a filter that rejects every draw would hang instead of failing. This one counts kept and discarded
/// draws per named filter and throws, failing the property and naming the filter, once <see cref="MaxConsecutive"/>
/// draws in a row are discarded. The draws themselves are exactly FsCheck's.
/// </summary>
public static class CountedFilter
{
    /// <summary>Consecutive discards after which a filter counts as discarding everything.</summary>
    public const int MaxConsecutive = 1000;

    private static readonly ConcurrentDictionary<string, FilterCounts> Totals = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static Dictionary<string, int>? _consecutive;

    /// <summary>The draws of <paramref name="gen"/> for which <paramref name="keep"/> holds, counted under <paramref name="filter"/>.</summary>
    public static Gen<T> Where<T>(this Gen<T> gen, string filter, Func<T, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return gen.Where(x => Count(filter, keep(x)));
    }

    /// <summary>The kept and discarded draws of <paramref name="filter"/> so far in this test run.</summary>
    public static (long Kept, long Discarded) CountsOf(string filter) =>
        Totals.TryGetValue(filter, out var counts) ? (counts.Kept, counts.Discarded) : (0, 0);

    private static bool Count(string filter, bool kept)
    {
        var counts = Totals.GetOrAdd(filter, _ => new FilterCounts());
        var consecutive = _consecutive ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (kept)
        {
            counts.AddKept();
            consecutive[filter] = 0;
            return true;
        }
        counts.AddDiscarded();
        int run = consecutive[filter] = consecutive.GetValueOrDefault(filter) + 1;
        if (run >= MaxConsecutive)
        {
            consecutive[filter] = 0;
            throw new InvalidOperationException($"generator filter '{filter}' discarded {run} draws in a row " +
                $"({counts.Kept} kept, {counts.Discarded} discarded in this run): it discards everything");
        }
        return false;
    }

    private sealed class FilterCounts
    {
        private long _kept, _discarded;

        public long Kept => Interlocked.Read(ref _kept);

        public long Discarded => Interlocked.Read(ref _discarded);

        public void AddKept() => Interlocked.Increment(ref _kept);

        public void AddDiscarded() => Interlocked.Increment(ref _discarded);
    }
}
