namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// The patient's "download my data" archives: asking for one, and reading one's own. Only a patient account linked
/// to its record has archives; for anyone else, and for another patient's archive, there is nothing here (404), so
/// an archive id reveals nothing.
/// </summary>
public sealed class ArchiveRequests(AppDbContext db, JobQueue queue, TimeProvider clock, IAuditTrail audit)
{
    /// <summary>
    /// The archive being built for the patient, or a new one queued. One at a time: asking again while one is
    /// pending or running returns that one, so a double click or an impatient retry builds nothing twice.
    /// </summary>
    public async Task<DataArchive> RequestAsync(Patient patient, Guid? requestedBy, CancellationToken ct)
    {
        var running = await db.DataArchives.AsNoTracking()
            .Where(a => a.PatientId == patient.Id
                        && (a.Status == DataArchiveStatus.Pending || a.Status == DataArchiveStatus.Running))
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        if (running is not null) return running;

        var now = clock.GetUtcNow();
        var archive = new DataArchive
        {
            PatientId = patient.Id, RequestedBy = requestedBy, CreatedAt = now, FileName = ArchiveNames.Download(now),
        };
        archive.MarkQueued(now);
        db.DataArchives.Add(archive);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.ArchiveRequested, ResourceType: "data-archive",
            ResourceId: archive.Id.ToString(), PatientId: patient.Id), ct);
        BuildArchiveJob.Enqueue(queue, archive.Id);
        return archive;
    }

    /// <summary>The patient's archives, newest first.</summary>
    public async Task<IReadOnlyList<DataArchive>> OfPatientAsync(Guid patientId, int take, CancellationToken ct) =>
        await db.DataArchives.AsNoTracking().Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);

    /// <summary>
    /// One archive of the patient's own record (the caller was resolved to it by <see cref="RecordAccess.OwnPatientAsync"/>). A bad id
    /// and another patient's archive get the same "not found": existence is confirmed to no one but its patient.
    /// </summary>
    public async Task<Result<DataArchive>> OwnAsync(Patient patient, string rawId, CancellationToken ct)
    {
        if (!Guid.TryParse(rawId, out var id)) return Rejection.NotFound("data archive", rawId);
        var archive = await db.DataArchives.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.PatientId == patient.Id, ct);
        return archive is null ? Rejection.NotFound("data archive", rawId) : archive;
    }

    /// <summary>Whether the archive's file can still be downloaded: ready, not yet expired, not yet removed.</summary>
    public bool IsExpired(DataArchive archive) =>
        archive.Status == DataArchiveStatus.Ready
        && (archive.ResultKey is null || archive.ExpiresAt is { } end && end <= clock.GetUtcNow());
}
