using System.Runtime.InteropServices;

namespace ProgressTracker.Imaging.Normalization;

internal static class ReadOnlyStream
{
    /// <summary>A stream over the caller's bytes, copying only when they are not backed by an array.</summary>
    public static MemoryStream Over(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
