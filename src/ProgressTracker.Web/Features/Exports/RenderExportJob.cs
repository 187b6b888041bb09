using Hangfire;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// Renders an export and stores its file. Idempotent: it reloads the row, skips a finished export, and writes only the
/// export's own key, so a retry or a second run from the sweep is harmless. Progress is written to the row as the
/// photos load (the bulk of the work), so pages can show it.
/// </summary>
public sealed class RenderExportJob(
    AppDbContext db, ExportSources sources, IBlobStore blobs, JobsOptions options, TimeProvider clock,
    ILogger<RenderExportJob> log)
{
    public enum Outcome { Skipped, Ready, Failed }

    public static void Enqueue(JobQueue queue, Guid exportId) =>
        queue.Enqueue<RenderExportJob>(j => j.RunAsync(exportId, CancellationToken.None), "export", exportId);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    [Queue(JobsOptions.ImagingQueue)]
    public async Task<Outcome> RunAsync(Guid exportId, CancellationToken ct)
    {
        var export = await db.Exports.SingleOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null || export.IsFinished) return Outcome.Skipped;
        export.MarkRunning(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        // The same time limit as a photo's processing: a pathological input must not hold an imaging worker.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.ProcessingTimeout);
        try
        {
            var source = await sources.LoadAsync(export, n => ReportAsync(export, 5 + 75 * n / export.PhotoIds.Count, ct), limit.Token);
            await ReportAsync(export, 85, ct);
            var request = new CompositionRequest(ExportFiles.Composition(export.Kind), source.Panels, source.Title, export.Watermark);
            var rendered = await Task.Run(() => ExportRenderer.Render(request, null, limit.Token), limit.Token);
            await ReportAsync(export, 95, ct);

            var key = BlobKeys.Export(export.PatientId, export.Id, rendered.Extension);
            using (var content = new MemoryStream(rendered.Bytes, writable: false))
                await blobs.PutAsync(key, content, rendered.ContentType, overwrite: true, ct);
            export.MarkReady(key, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            log.LogInformation("Export {ExportId} ready: {Kind}, {Photos} photos, {Width}x{Height}, {Bytes} bytes",
                export.Id, export.Kind, export.PhotoIds.Count, rendered.Width, rendered.Height, rendered.Bytes.Length);
            return Outcome.Ready;
        }
        catch (ExportInputException e)
        {
            return await FailAsync(export, e.Message, ct);
        }
        catch (ArgumentException e)
        {
            return await FailAsync(export, $"The export could not be drawn: {e.Message}", ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return await FailAsync(export,
                $"Rendering took longer than {options.ProcessingTimeout.TotalSeconds:0} seconds and was stopped; " +
                "choose fewer photos and try again.", ct);
        }
    }

    private async Task ReportAsync(Export export, int percent, CancellationToken ct)
    {
        if (percent <= export.Progress) return;
        export.ReportProgress(percent);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Outcome> FailAsync(Export export, string reason, CancellationToken ct)
    {
        export.MarkFailed(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        log.LogWarning("Export {ExportId} failed: {Reason}", export.Id, reason);
        return Outcome.Failed;
    }
}
