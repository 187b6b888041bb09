namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// A read-only stream over the original's bytes that reports end-of-file once the token is cancelled. ImageMagick
/// pulls a PNG's or TIFF's data through it as it decodes, so a cancelled job's decode runs out of input and stops
/// within milliseconds (the caller then reports the cancellation, not the "truncated file" that ImageMagick sees).
/// Being a plain <see cref="Stream"/> rather than a <see cref="MemoryStream"/> is what makes Magick.NET read it
/// piece by piece instead of taking the whole buffer at once.
/// </summary>
internal sealed class CancellableReadStream(ReadOnlyMemory<byte> data, CancellationToken ct) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, data.Length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (ct.IsCancellationRequested) return 0;
        var count = (int)Math.Min(buffer.Length, data.Length - _position);
        if (count <= 0) return 0;
        data.Span.Slice((int)_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => data.Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
