using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Inspection;

/// <summary>
/// Forward-only buffered reader over a seekable stream for structural walks. Every read reports
/// running out of data instead of throwing, because a short file is an expected outcome (a cut-off upload).
/// </summary>
internal sealed class ByteReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public long Length { get; } = stream.Length;

    /// <summary>Absolute position of the next unread byte.</summary>
    public long Position => stream.Position - (_end - _start);

    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (_start == _end && !Fill()) return false;
        value = _buffer[_start++];
        return true;
    }

    public bool TryReadUInt16BigEndian(out ushort value)
    {
        value = 0;
        Span<byte> two = stackalloc byte[2];
        if (!TryReadByte(out two[0]) || !TryReadByte(out two[1])) return false;
        value = BinaryPrimitives.ReadUInt16BigEndian(two);
        return true;
    }

    public bool TryReadExactly(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            if (!TryReadByte(out destination[i])) return false;
        }
        return true;
    }

    /// <summary>Skips <paramref name="count"/> bytes; false if the file ends first.</summary>
    public bool TrySkip(long count)
    {
        var target = Position + count;
        if (count < 0 || target > Length) return false;
        var buffered = _end - _start;
        if (count <= buffered)
        {
            _start += (int)count;
            return true;
        }
        stream.Position = target;
        _start = _end = 0;
        return true;
    }

    /// <summary>Advances to the next 0xFF byte and consumes it; false at end of file.</summary>
    public bool TrySkipToNextFF()
    {
        while (true)
        {
            if (_start == _end && !Fill()) return false;
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)0xFF);
            if (found >= 0)
            {
                _start += found + 1;
                return true;
            }
            _start = _end;
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
