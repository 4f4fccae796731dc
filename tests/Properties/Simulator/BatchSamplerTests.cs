using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// Keyed batches (docs/theory.md §1): B distinct indices, each included with probability B/n and each pair with
/// B(B−1)/(n(n−1)) (§2). Error budget: 40 000 batches, bounds at 6 binomial standard errors.
/// </summary>
public class BatchSamplerTests
{
    [Fact]
    public void Batches_are_distinct_and_uniform_with_the_right_pair_inclusion()
    {
        const int n = 7, b = 3, draws = 40_000;
        var buffer = new int[n];
        var single = new int[n];
        var pair = new int[n, n];
        for (int k = 0; k < draws; k++)
        {
            var batch = BatchSampler.Select(11, 2, k, n, b, buffer);
            Assert.Equal(b, batch.Length);
            for (int r = 0; r < b; r++)
            {
                Assert.InRange(batch[r], 0, n - 1);
                single[batch[r]]++;
                for (int s = 0; s < r; s++)
                {
                    Assert.NotEqual(batch[r], batch[s]);
                    pair[Math.Min(batch[r], batch[s]), Math.Max(batch[r], batch[s])]++;
                }
            }
        }
        double p1 = (double)b / n, p2 = (double)b * (b - 1) / (n * (n - 1));
        for (int i = 0; i < n; i++)
        {
            Assert.InRange(single[i] / (double)draws, p1 - 6 * Math.Sqrt(p1 * (1 - p1) / draws), p1 + 6 * Math.Sqrt(p1 * (1 - p1) / draws));
            for (int j = i + 1; j < n; j++)
                Assert.InRange(pair[i, j] / (double)draws, p2 - 6 * Math.Sqrt(p2 * (1 - p2) / draws), p2 + 6 * Math.Sqrt(p2 * (1 - p2) / draws));
        }
    }

    [Fact]
    public void A_batch_depends_only_on_its_key_not_on_the_buffer()
    {
        var first = BatchSampler.Select(3, 4, 5, 10, 4, new int[10]).ToArray();
        var dirty = Enumerable.Repeat(9, 12).ToArray();
        Assert.Equal(first, BatchSampler.Select(3, 4, 5, 10, 4, dirty).ToArray());
        Assert.NotEqual(first, BatchSampler.Select(3, 4, 6, 10, 4, new int[10]).ToArray());
    }

    [Fact]
    public void Full_batch_is_every_index_and_bad_sizes_are_named()
    {
        Assert.Equal(Enumerable.Range(0, 6), BatchSampler.Select(1, 0, 0, 6, 6, new int[6]).ToArray());
        Assert.Equal("batch", Assert.Throws<InvalidInputException>(() => BatchSampler.Select(1, 0, 0, 6, 7, new int[6])).Field);
    }
}
