namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// Galleries from draft to public page. Only a case that is ready (approved by the patient when they asked to see
/// it) and whose photos a consent for website use covers today can go in; publishing takes a second person; each
/// case published becomes a copy that left the app, in the audit trail and on the patient's access log.
/// </summary>
public sealed class Galleries(AppDbContext db, MarketingCatalog catalog, TimeProvider clock, IAuditTrail audit)
{
    public const int MaxTitle = 120;
    public const int MaxItems = 60;

    public async Task<Result<Gallery>> CreateAsync(string? title, Guid? userId, CancellationToken ct)
    {
        if (TitleProblem(title) is { } bad) return bad;
        var gallery = new Gallery { Title = title!.Trim(), CreatedBy = userId, CreatedAt = clock.GetUtcNow() };
        db.Galleries.Add(gallery);
        await db.SaveChangesAsync(ct);
        return gallery;
    }

    public async Task<Result<Gallery>> AddAsync(Gallery gallery, string? rawCaseId, Guid? userId, CancellationToken ct)
    {
        if (!Guid.TryParse(rawCaseId, out var caseId)) return Rejection.Invalid("caseId must be a case id.");
        var @case = await db.MarketingCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null) return Rejection.Invalid("There is no such case.", "Unknown case");
        if (gallery.Items.Any(i => i.CaseId == caseId && i.IsLive))
            return Rejection.Conflict($"Case {@case.Code} is already in this gallery.", "Already in the gallery");
        if (gallery.Items.Count(i => i.IsLive) >= MaxItems)
            return Rejection.Invalid($"A gallery holds at most {MaxItems} cases.");
        if (await PublishProblemAsync(@case, ct) is { } problem) return problem;

        // Added through the set: a new item with its id already set would otherwise be taken for an existing row.
        var item = new GalleryItem
        {
            GalleryId = gallery.Id, CaseId = caseId, Position = gallery.Items.Count + 1, ImageToken = SecretTokens.New(),
            AddedBy = userId, AddedAt = clock.GetUtcNow(),
        };
        db.GalleryItems.Add(item);
        if (!gallery.Items.Contains(item)) gallery.Items.Add(item);
        gallery.BackToDraft();
        await db.SaveChangesAsync(ct);
        return gallery;
    }

    public async Task<Result<Gallery>> RemoveAsync(Gallery gallery, string? rawItemId, CancellationToken ct)
    {
        var item = Guid.TryParse(rawItemId, out var id) ? gallery.Items.SingleOrDefault(i => i.Id == id) : null;
        if (item is null) return Rejection.NotFound("gallery item", rawItemId ?? "");
        var now = clock.GetUtcNow();
        var wasPublic = gallery.PublicItems.Contains(item);
        item.Remove("removed from the gallery by marketing", now);
        // The public copy is gone with it: a publication copy taken down by the app itself.
        foreach (var copy in await db.CaseCopies.Where(c => c.GalleryItemId == item.Id).ToListAsync(ct))
            copy.RemovedByTheApp(now);
        await db.SaveChangesAsync(ct);
        if (wasPublic)
            await audit.RecordAsync(new AuditEvent(AuditActions.CaseUnpublished, ResourceType: "case",
                ResourceId: item.CaseId.ToString(), PatientId: (await db.MarketingCases.AsNoTracking()
                    .SingleAsync(c => c.Id == item.CaseId, ct)).PatientId, Detail: $"gallery {gallery.Title}"), ct);
        return gallery;
    }

    public async Task<Result<Gallery>> SubmitAsync(Gallery gallery, Guid userId, CancellationToken ct)
    {
        if (!gallery.Items.Any(i => i.IsLive)) return Rejection.Invalid("Add at least one case before asking for approval.", "Gallery is empty");
        if (gallery.Status == GalleryStatus.Published) return Rejection.Conflict("The gallery is published and unchanged since.", "Nothing to approve");
        gallery.Submit(userId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.GallerySubmitted, ResourceType: "gallery", ResourceId: gallery.Id.ToString(),
            Detail: gallery.Title), ct);
        return gallery;
    }

    /// <summary>The second person publishes. Every item is checked again: consent may have changed since it was added.</summary>
    public async Task<Result<Gallery>> ApproveAsync(Gallery gallery, Guid userId, CancellationToken ct)
    {
        if (gallery.Status != GalleryStatus.AwaitingApproval)
            return Rejection.Conflict("The gallery is not waiting for approval; marketing submits it first.", "Not submitted");
        var previous = gallery.ApprovedAt;
        var fresh = gallery.Items.Where(i => i.IsLive && (previous is null || i.AddedAt > previous)).ToList();
        var cases = await db.MarketingCases.Where(c => gallery.Items.Select(i => i.CaseId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var item in fresh)
            if (await PublishProblemAsync(cases[item.CaseId], ct) is { } problem)
                return Rejection.Conflict($"Case {cases[item.CaseId].Code} can no longer be published: {problem.Detail}", "Case not publishable");

        var now = clock.GetUtcNow();
        gallery.Publish(userId, SecretTokens.New(), now);
        foreach (var item in fresh)
        {
            var @case = cases[item.CaseId];
            db.CaseCopies.Add(new CaseCopy
            {
                PatientId = @case.PatientId, CaseId = @case.Id, Kind = CaseCopyKind.Publication, GalleryItemId = item.Id,
                What = $"Published case {@case.Code} in the gallery \u201C{gallery.Title}\u201D (public page and embeds)",
                At = now, By = userId, ByName = await db.EmailOfAsync(userId, ct),
            });
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.GalleryPublished, ResourceType: "gallery", ResourceId: gallery.Id.ToString(),
            Detail: $"{gallery.Title}: {fresh.Count} new case(s)"), ct);
        foreach (var item in fresh)
            await audit.RecordAsync(new AuditEvent(AuditActions.CasePublished, ResourceType: "case", ResourceId: item.CaseId.ToString(),
                PatientId: cases[item.CaseId].PatientId, Detail: $"{cases[item.CaseId].Code} in gallery {gallery.Title}"), ct);
        return gallery;
    }

    /// <summary>Why a case may not be published today, or null: ready, and a consent for website use covers both photos.</summary>
    public async Task<Rejection?> PublishProblemAsync(MarketingCase @case, CancellationToken ct)
    {
        if (@case.IsWithdrawn) return Rejection.Invalid($"Case {@case.Code} was withdrawn: {@case.WithdrawnReason}.", "Case withdrawn");
        if (@case.Status == CaseStatus.AwaitingPatient)
            return Rejection.Invalid($"Case {@case.Code} is waiting for the patient to approve the picture.", "Awaiting the patient");
        if (@case.Status != CaseStatus.Ready) return Rejection.Invalid($"Case {@case.Code} is not rendered yet.", "Case not ready");
        var before = await catalog.FindAsync(@case.BeforePhotoId, ct);
        var after = await catalog.FindAsync(@case.AfterPhotoId, ct);
        return before is null || after is null || !before.AllowsUse(ConsentUse.Website) || !after.AllowsUse(ConsentUse.Website)
            ? Rejection.Invalid($"The patient's consent does not cover showing case {@case.Code} on the website.", "No consent for the website")
            : null;
    }

    private static Rejection? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle || title.Any(char.IsControl)
            ? Rejection.Invalid($"A gallery needs a title of 1–{MaxTitle} characters on one line.")
            : null;
}
