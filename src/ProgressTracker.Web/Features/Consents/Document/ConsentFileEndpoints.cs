namespace ProgressTracker.Web.Features.Consents.Document;

/// <summary>
/// The files of a consent: the signed PDF (whoever may see the consent: the patient and staff) and the scan of its
/// paper form (staff). Both are disclosures, so both are audited, and neither is cached by the browser.
/// </summary>
public static class ConsentFileEndpoints
{
    public static void MapConsentFileEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/consents/{id}/document", DocumentAsync).WithTags("Consent")
            .WithSummary("The signed consent as a PDF: the exact text signed with its version and SHA-256, the choices, dates and signature.");
        api.MapGet("/consents/{id}/form", FormAsync).WithTags("Consent")
            .WithSummary("The scan of the signed paper form (staff).");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocumentAsync(string id,
        RecordAccess access, ConsentDocuments documents, IAuditTrail audit, ClaimsPrincipal user, HttpContext http,
        CancellationToken ct)
    {
        if ((await access.ConsentAsync(id, user, ConsentOperation.View, ct)).Failed(out var refused, out var consent))
            return refused.ToProblem();
        var pdf = await documents.RenderAsync(consent, ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.ConsentDocumentDownloaded, ResourceType: "consent",
            ResourceId: consent.Id.ToString(), PatientId: consent.PatientId), ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf, ConsentPdf.ContentType, ConsentPdf.FileName(consent));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> FormAsync(string id,
        RecordAccess access, IBlobStore blobs, IAuditTrail audit, ClaimsPrincipal user, HttpContext http,
        CancellationToken ct)
    {
        if ((await access.ConsentAsync(id, user, ConsentOperation.ViewForm, ct,
                "Only clinic staff open the scan of a paper form; the signed PDF is at /document.")).Failed(out var refused, out var consent))
            return refused.ToProblem();
        var stream = consent.FormKey is { } key ? await blobs.OpenReadAsync(key, ct) : null;
        if (stream is null)
            return new Rejection(RejectionKind.NotFound, "No form attached",
                "No scan of a signed form is attached to this consent.").ToProblem();
        await audit.RecordAsync(new AuditEvent(AuditActions.ConsentFormViewed, ResourceType: "consent",
            ResourceId: consent.Id.ToString(), PatientId: consent.PatientId), ct);
        http.Response.Headers.CacheControl = "private, no-store";
        var extension = Path.GetExtension(consent.FormKey!).TrimStart('.');
        var type = extension switch { "pdf" => "application/pdf", "png" => "image/png", _ => "image/jpeg" };
        // Inline, so a scan opens in the browser's own viewer beside the record.
        return TypedResults.Stream(stream, type, fileDownloadName: null);
    }
}
