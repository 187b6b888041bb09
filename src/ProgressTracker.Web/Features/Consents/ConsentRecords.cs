using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// Making and withdrawing consents. A request is checked whole before anything is stored; the consent then copies the
/// exact text of the version named (or the current one) with its hash. Who may make which kind is the access rule's
/// (<see cref="ConsentHandler"/>): the patient on screen, staff from a signed paper form (pending until its scan is
/// attached). A withdrawal takes effect at once. Once a consent holds, the patient is e-mailed a copy.
/// </summary>
public sealed class ConsentRecords(AppDbContext db, ConsentTexts texts, IBlobStore blobs, IAuthorizationService auth,
    TimeProvider clock, IAuditTrail audit, ConsentCopies copies, IEnumerable<IConsentEnded> whenEnded)
{
    private const int MaxSignatureBytes = 256 * 1024;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Consent>> OfPatientAsync(Guid patientId, CancellationToken ct) =>
        (await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync(ct))
        .OrderByDescending(c => c.CreatedAt).ToList();

    public async Task<Result<Consent>> CreateAsync(Patient patient, CreateConsentRequest request, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!EnumNames.TryParse<ConsentMethod>(request.Method, out var method))
            return Rejection.Invalid($"method must be one of {EnumNames.Allowed<ConsentMethod>()}.", "Unknown method");
        if (ParseUses(request.Uses).Failed(out var badUses, out var uses)) return badUses;
        if ((await CoverageAsync(patient, request.Coverage, ct)).Failed(out var badCoverage, out var coverage)) return badCoverage;
        var name = request.SignedName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
            return Rejection.Invalid("signedName is the name the patient signed with (1 to 200 characters).", "Name missing");
        var expires = request.ExpiresAt;
        if (expires is null && uses.Any(Consent.MarketingUses.Contains))
            expires = Today.AddYears(Consent.DefaultMarketingYears);
        if (expires is { } last && last <= Today)
            return Rejection.Invalid("expiresAt must be a date after today.", "Expiry in the past");
        var text = await TextAsync(request.TextVersion, ct);
        if (text is null)
            return Rejection.Invalid($"There is no consent text version '{request.TextVersion}'.", "Unknown text version");
        byte[]? signature = null;
        if (method == ConsentMethod.OnScreen && ParseSignature(request.Signature).Failed(out var badSignature, out signature!))
            return badSignature;

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var consent = new Consent
        {
            Id = id, PatientId = patient.Id, Uses = uses, CoverageKind = coverage.Kind, Views = coverage.Views,
            PhotoIds = coverage.PhotoIds, Identifiable = request.Identifiable, ReviewEachPicture = request.ReviewEachPicture,
            ExpiresOn = expires, TextVersion = text.Version, TextMarkdown = text.Markdown,
            TextSha256 = ConsentTexts.HashOf(text.Markdown), Method = method, SignedName = name,
            SignatureKey = signature is null ? null : BlobKeys.ConsentSignature(patient.Id, id),
            RecordedBy = CurrentUser.Id(user), CreatedAt = now,
        };
        if (!(await auth.AuthorizeAsync(user, consent, ConsentOperation.Record)).Succeeded)
            return Rejection.Forbidden(method == ConsentMethod.OnScreen
                ? "Only the patient signs a consent on screen, in their portal."
                : "Only clinic staff record a consent signed on paper.");

        if (signature is not null)
            await blobs.PutAsync(consent.SignatureKey!, new MemoryStream(signature), "image/png", overwrite: false, ct);
        if (method == ConsentMethod.OnScreen) consent.Grant(now);
        db.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(
            method == ConsentMethod.OnScreen ? AuditActions.ConsentGranted : AuditActions.ConsentRecorded,
            ResourceType: "consent", ResourceId: consent.Id.ToString(), PatientId: patient.Id,
            Detail: string.Join(",", consent.Uses.Select(u => EnumNames.ToKebab(u)))), ct);
        if (consent.GrantedAt is not null) await copies.SendAsync(consent, ct);
        return consent;
    }

    /// <summary>The patient's photos this consent covers today (all, of the chosen views, or the chosen ones).</summary>
    public async Task<IReadOnlyList<(Guid PhotoId, PhotoView View)>> CoveredPhotosAsync(Consent consent, CancellationToken ct)
    {
        var photos = await db.Photos.AsNoTracking().Where(p => p.PatientId == consent.PatientId)
            .OrderBy(p => p.UploadedAt).Select(p => new { p.Id, p.View }).ToListAsync(ct);
        return photos.Where(p => consent.Covers(p.Id, p.View)).Select(p => (p.Id, p.View)).ToList();
    }

    /// <summary>Largest accepted scan of a paper form.</summary>
    public const long MaxFormBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The scan of the signed paper form (PDF, JPEG or PNG, by its bytes, not its name): stored next to the consent,
    /// which holds from now. A form is attached once; a withdrawn consent takes none.
    /// </summary>
    public async Task<Result<Consent>> AttachFormAsync(Consent consent, Stream content, long length, CancellationToken ct)
    {
        if (consent.RevokedAt is not null)
            return Rejection.Conflict("This consent was withdrawn; record a new one instead.", "Consent withdrawn");
        if (consent.FormKey is not null)
            return Rejection.Conflict("A form is already attached to this consent.", "Form already attached");
        if (length is <= 0 or > MaxFormBytes)
            return Rejection.Invalid("Attach the scan as a PDF, JPEG or PNG file of at most 10 MiB.", "File size");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var kind = FormKind(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 8)));
        if (kind is not { } known)
            return new Rejection(RejectionKind.UnsupportedType, "Not a PDF, JPEG or PNG",
                "The scan of the signed form must be a PDF, JPEG or PNG file.");
        var key = BlobKeys.ConsentForm(consent.PatientId, consent.Id, known.Extension);
        buffer.Position = 0;
        await blobs.PutAsync(key, buffer, known.ContentType, overwrite: true, ct);
        consent.AttachForm(key, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.ConsentFormAttached, ResourceType: "consent",
            ResourceId: consent.Id.ToString(), PatientId: consent.PatientId, Detail: known.Extension), ct);
        await copies.SendAsync(consent, ct);
        return consent;
    }

    private static (string Extension, string ContentType)? FormKind(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8) ? ("pdf", "application/pdf")
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ("jpg", "image/jpeg")
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? ("png", "image/png")
        : null;

    /// <summary>Withdraws at once; withdrawing again changes nothing.</summary>
    public async Task<Consent> RevokeAsync(Consent consent, ClaimsPrincipal user, CancellationToken ct)
    {
        if (consent.RevokedAt is not null) return consent;
        var caller = Caller.From(user);
        consent.Revoke(clock.GetUtcNow(), caller.UserId, caller.IsPatient ? "portal" : "paper");
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.ConsentRevoked, ResourceType: "consent",
            ResourceId: consent.Id.ToString(), PatientId: consent.PatientId, Detail: consent.RevokedVia), ct);
        // At once, in this request: a published picture must not outlive the withdrawal by a sweep interval.
        foreach (var listener in whenEnded) await listener.ConsentEndedAsync(consent, ct);
        return consent;
    }

    private async Task<ConsentText?> TextAsync(string? version, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(version)
            ? await texts.CurrentAsync(ct)
            : await db.ConsentTexts.AsNoTracking().FirstOrDefaultAsync(t => t.Version == version, ct)
              ?? (version == ConsentTexts.DefaultVersion ? await texts.CurrentAsync(ct) : null);

    private static Result<List<ConsentUse>> ParseUses(IReadOnlyList<string>? raw)
    {
        var uses = new List<ConsentUse>();
        foreach (var name in raw ?? [])
        {
            if (!EnumNames.TryParse<ConsentUse>(name, out var use))
                return Rejection.Invalid($"'{name}' is not a use; use {EnumNames.Allowed<ConsentUse>()}.", "Unknown use");
            if (!uses.Contains(use)) uses.Add(use);
        }
        return uses.Count > 0 ? uses : Rejection.Invalid("Name at least one use.", "No use");
    }

    private sealed record Coverage(ConsentCoverageKind Kind, List<PhotoView> Views, List<Guid> PhotoIds);

    private async Task<Result<Coverage>> CoverageAsync(Patient patient, CoverageRequest? raw, CancellationToken ct)
    {
        if (!EnumNames.TryParse<ConsentCoverageKind>(raw?.Kind, out var kind))
            return Rejection.Invalid($"coverage.kind must be one of {EnumNames.Allowed<ConsentCoverageKind>()}.", "Unknown coverage");
        var views = new List<PhotoView>();
        foreach (var name in kind == ConsentCoverageKind.Views ? raw!.Views ?? [] : [])
        {
            if (!EnumNames.TryParse<PhotoView>(name, out var view))
                return Rejection.Invalid($"'{name}' is not a view; use {EnumNames.Allowed<PhotoView>()}.", "Unknown view");
            if (!views.Contains(view)) views.Add(view);
        }
        var photos = kind == ConsentCoverageKind.Photos ? (raw!.PhotoIds ?? []).Distinct().ToList() : [];
        if (kind == ConsentCoverageKind.Views && views.Count == 0)
            return Rejection.Invalid("Name the views this consent covers.", "No views");
        if (kind == ConsentCoverageKind.Photos)
        {
            if (photos.Count is 0 or > 500) return Rejection.Invalid("Name between 1 and 500 photos.", "No photos");
            var own = await db.Photos.Where(p => p.PatientId == patient.Id && photos.Contains(p.Id)).CountAsync(ct);
            // Another patient's photo id answers like an unknown one.
            if (own != photos.Count) return Rejection.Invalid("Some of the photos are not this patient's.", "Unknown photo");
        }
        return new Coverage(kind, views, photos);
    }

    /// <summary>"data:image/png;base64,…", a real PNG, at most 256 KiB.</summary>
    private static Result<byte[]> ParseSignature(string? dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        if (dataUrl is null || !dataUrl.StartsWith(prefix, StringComparison.Ordinal) || dataUrl.Length > MaxSignatureBytes * 2)
            return Rejection.Invalid("signature must be a PNG data URL (data:image/png;base64,…) of at most 256 KiB.", "Signature missing");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(dataUrl[prefix.Length..]);
        }
        catch (FormatException)
        {
            return Rejection.Invalid("The signature is not valid base64.", "Signature unreadable");
        }
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return bytes.Length is > 8 and <= MaxSignatureBytes && bytes.AsSpan(0, 8).SequenceEqual(png)
            ? bytes
            : Rejection.Invalid("The signature is not a PNG image.", "Signature unreadable");
    }
}
