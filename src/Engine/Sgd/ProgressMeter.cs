namespace NoiseDrift.Engine.Sgd;

/// <summary>Counts completed chain steps across threads and reports the fraction done, about every 1%.</summary>
internal sealed class ProgressMeter(IProgress<double>? progress, long totalSteps)
{
    private long _done;

    /// <summary>How many steps a chain takes between reports.</summary>
    public int Chunk(int steps) => progress is null ? int.MaxValue : Math.Max(1, steps / 100);

    public void Add(long steps)
    {
        if (progress is null || steps == 0) return;
        long done = Interlocked.Add(ref _done, steps);
        progress.Report(Math.Min(1.0, (double)done / totalSteps));
    }
}
