using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Stack;

/// <summary>One photo to upload: which visit, which view, which bytes.</summary>
public sealed record PlannedUpload(string VisitId, string View, byte[] Jpeg);

/// <summary>
/// A day of a clinic chain: patients with a course of visits (baseline, then follow-ups with a shallower hip dip),
/// a front and a left-lateral photo at each, so every follow-up is aligned to its patient's baseline. The photos are
/// generated bodies (2 MP); the same rendering may serve several patients, since a photo is unique per visit.
/// </summary>
public static class ClinicWorkload
{
    public static readonly string[] Views = ["front", "left-lateral"];

    public static async Task<List<PlannedUpload>> PlanAsync(StackClient client, int patients, int visitsPerPatient,
        int width = 1200, int height = 1600)
    {
        var renders = new Dictionary<(int, string), byte[]>();
        for (var visit = 0; visit < visitsPerPatient; visit++)
            foreach (var view in Views)
                renders[(visit, view)] = SyntheticBody.RenderJpeg(
                    new SyntheticBodyOptions(width, height, view, HipDipDepth: 0.9 - 0.6 * visit / Math.Max(1, visitsPerPatient - 1),
                        Seed: 11));

        var plan = new List<PlannedUpload>();
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var p = 0; p < patients; p++)
        {
            var patient = await client.CreatePatientAsync($"S-{run}-{p:D4}");
            for (var visit = 0; visit < visitsPerPatient; visit++)
            {
                var date = new DateOnly(2026, 1, 5).AddDays(visit * 30).ToString("yyyy-MM-dd");
                var visitId = await client.CreateVisitAsync(patient, visit == 0 ? "baseline" : "follow-up", date);
                foreach (var view in Views) plan.Add(new PlannedUpload(visitId, view, renders[(visit, view)]));
            }
        }
        return plan;
    }

    /// <summary>
    /// Uploads every planned photo from <paramref name="clients"/> parallel uploaders, in plan order, each pausing
    /// <paramref name="pause"/> between its uploads (clinicians do not upload back to back).
    /// </summary>
    public static async Task<List<UploadReceipt>> UploadAllAsync(StackClient client, IReadOnlyList<PlannedUpload> plan,
        int clients, TimeProvider clock, UploadProgress? progress = null, TimeSpan pause = default,
        CancellationToken ct = default)
    {
        var receipts = new List<UploadReceipt>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < plan.Count; i = Interlocked.Increment(ref next))
            {
                var receipt = await client.UploadAsync(plan[i].VisitId, plan[i].Jpeg, plan[i].View, clock, ct);
                lock (receipts) receipts.Add(receipt);
                if (progress is not null) Interlocked.Increment(ref progress.Accepted);
                if (pause > TimeSpan.Zero) await Task.Delay(pause, ct);
            }
        }));
        return receipts;
    }
}

/// <summary>How many uploads the app has accepted so far, for whoever times events by the uploads' progress.</summary>
public sealed class UploadProgress
{
    public int Accepted;

    public async Task WaitForAsync(int accepted, CancellationToken ct = default)
    {
        while (Volatile.Read(ref Accepted) < accepted) await Task.Delay(100, ct);
    }
}
