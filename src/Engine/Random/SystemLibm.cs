using System.Runtime.InteropServices;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// The C library behind <see cref="Math.Log(double)"/> and <see cref="Math.Cos(double)"/>. <see cref="LogLanes"/> and
/// <see cref="CosLanes"/> are glibc 2.36's FMA routines written out operation for operation, so they are used only
/// where that library is loaded; elsewhere (another glibc, musl, Windows, macOS) the keyed Gaussians call the library
/// lane by lane, as before. The start-up comparison with the library stays as the second guard.
/// </summary>
public static partial class SystemLibm
{
    /// <summary>The glibc release the inline routines were written from.</summary>
    public const string WrittenFrom = "2.36";

    /// <summary>True when the loaded C library reports itself as glibc <see cref="WrittenFrom"/>.</summary>
    public static bool IsWrittenFrom { get; } = Version() == WrittenFrom;

    /// <summary>The version glibc reports, or null when the C library is not glibc.</summary>
    public static string? Version()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return Marshal.PtrToStringUTF8(GnuLibcVersion());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "gnu_get_libc_version")]
    private static partial IntPtr GnuLibcVersion();
}
