using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NoiseDrift.Cli;

/// <summary>
/// Standard output when it is redirected, written straight to file descriptor 1. .NET's console stream ignores a
/// broken pipe, so <c>noisedrift check --json | head -1</c> would run the whole battery after <c>head</c> has gone;
/// this writer raises <see cref="ClosedOutputException"/> instead, and <see cref="Commands.CliApp"/> stops at once
/// with <see cref="ExitCode.OutputClosed"/> (docs/design.md "CLI contract").
/// </summary>
internal static class ClosedOutput
{
    /// <summary>A writer on descriptor 1 that raises <see cref="ClosedOutputException"/> once the reader has gone.</summary>
    public static TextWriter StandardOutput() =>
        new StreamWriter(new Descriptor(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1)),
            new UTF8Encoding(false), 1 << 16)
        { AutoFlush = true };

    private sealed class Descriptor(FileStream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => Guard(inner.Flush);
        public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private static void Guard(Action write)
        {
            try
            {
                write();
            }
            catch (IOException e)
            {
                throw new ClosedOutputException(e);
            }
        }
    }
}

/// <summary>Standard output was closed by its reader (a broken pipe).</summary>
public sealed class ClosedOutputException(IOException inner) : IOException("standard output was closed by its reader", inner);
