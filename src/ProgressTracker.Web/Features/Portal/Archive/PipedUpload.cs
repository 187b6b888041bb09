using System.IO.Pipelines;
using System.Runtime.ExceptionServices;

namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// Writes a blob as it is produced: the writer's bytes flow through a bounded pipe straight into
/// <see cref="IBlobStore.PutAsync"/>, so a large file is never held whole in memory. A writer that fails completes the
/// pipe with its error, so the store stops reading and commits nothing (both adapters write atomically).
/// </summary>
public static class PipedUpload
{
    /// <summary>At most this much waits in the pipe before the writer is paused until the store catches up.</summary>
    private const int Buffered = 1 << 20;

    public static async Task<T> PutAsync<T>(IBlobStore blobs, string key, string contentType,
        Func<Stream, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: Buffered, resumeWriterThreshold: Buffered / 2,
            useSynchronizationContext: false));
        // The store failing (network, disk) must stop the writer too, or it would go on reading photos for nothing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var upload = Task.Run(async () =>
        {
            var source = pipe.Reader.AsStream();
            try
            {
                await blobs.PutAsync(key, source, contentType, overwrite: true, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                await source.DisposeAsync();
            }
        }, CancellationToken.None);

        T result;
        try
        {
            result = await write(pipe.Writer.AsStream(leaveOpen: true), stop.Token);
        }
        catch (Exception e)
        {
            await pipe.Writer.CompleteAsync(e);
            var uploadError = await ErrorOfAsync(upload);
            // When the store failed first, the writer only saw the cancellation: report the store's error.
            if (uploadError is not null && e is OperationCanceledException && !ct.IsCancellationRequested)
                ExceptionDispatchInfo.Capture(uploadError).Throw();
            throw;
        }
        await pipe.Writer.CompleteAsync();
        await upload;
        return result;
    }

    private static async Task<Exception?> ErrorOfAsync(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
