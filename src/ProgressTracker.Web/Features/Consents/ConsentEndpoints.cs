using ProgressTracker.Web.Features.Patients;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// Consent API (API.md "Consent"): the clinic's current text, a patient's consents, making one (the patient on
/// screen, staff from paper), and withdrawing one. Marketing reads none of it: it will only ever ask whether a
/// photo is covered.
/// </summary>
public static class ConsentEndpoints
{
    public static void MapConsentEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/consent-texts", TextsAsync).WithTags("Consent")
            .RequireAuthorization(p => p.RequireRole(Roles.Clinician, Roles.Admin, Roles.Patient))
            .WithSummary("The clinic's current consent text (Markdown) and the uses it can be signed for.");
        var ofPatient = api.MapGroup("/patients/{id}/consents").WithTags("Consent");
        ofPatient.MapGet("", ListAsync).WithSummary("A patient's consents, newest first.");
        ofPatient.MapPost("", CreateAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("The patient signs on screen (method on-screen, with signature), or staff record a signed paper form (paper-form, pending until its scan is attached).");
        api.MapGet("/consents/{id}", GetAsync).WithTags("Consent").WithSummary("One consent.");
        api.MapGet("/consents/{id}/fhir", FhirAsync).WithTags("Consent")
            .WithSummary("The consent as a FHIR R4 Consent resource (application/fhir+json), with the photos it covers.");
        api.MapPut("/consents/{id}/form", AttachFormAsync).WithTags("Consent").AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithMetadata(new RequestSizeLimitAttribute(ConsentRecords.MaxFormBytes + 64 * 1024))
            .Accepts<FormUpload>("multipart/form-data")
            .WithSummary("Attach the scan of the signed paper form (multipart 'file': PDF, JPEG or PNG); the consent is then active.");
        api.MapPost("/consents/{id}/revoke", RevokeAsync).WithTags("Consent").AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Withdraw a consent, at once: the patient, or staff recording a withdrawal received on paper.");
    }

    private static async Task<Ok<IReadOnlyList<ConsentTextDto>>> TextsAsync(ConsentTexts texts, CancellationToken ct)
    {
        var current = await texts.CurrentAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ConsentTextDto>>([new ConsentTextDto(current.Version, current.Title,
            Enum.GetValues<ConsentUse>().Select(u => EnumNames.ToKebab(u)).ToList(), current.Markdown)]);
    }

    private static async Task<Results<Ok<PagedList<ConsentDto>>, ProblemHttpResult>> ListAsync(string id,
        RecordAccess access, ConsentRecords consents, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.PatientAsync(id, user, PatientOperation.View, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        var items = (await consents.OfPatientAsync(patient.Id, ct)).Select(c => ConsentDto.From(c, consents.Today)).ToList();
        return TypedResults.Ok(new PagedList<ConsentDto>(items, items.Count));
    }

    private static async Task<Results<Created<ConsentDto>, ProblemHttpResult>> CreateAsync(string id,
        CreateConsentRequest request, RecordAccess access, ConsentRecords consents, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.PatientAsync(id, user, PatientOperation.View, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        var made = await consents.CreateAsync(patient, request, user, ct);
        return made.Failed(out var rejection, out var consent)
            ? rejection.ToProblem()
            : TypedResults.Created($"/api/v1/consents/{consent.Id}", ConsentDto.From(consent, consents.Today));
    }

    private static async Task<Results<Ok<ConsentDto>, ProblemHttpResult>> GetAsync(string id, RecordAccess access,
        ConsentRecords consents, ClaimsPrincipal user, CancellationToken ct) =>
        (await access.ConsentAsync(id, user, ConsentOperation.View, ct)).Failed(out var refused, out var consent)
            ? refused.ToProblem()
            : TypedResults.Ok(ConsentDto.From(consent, consents.Today));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FhirAsync(string id, RecordAccess access,
        ConsentRecords consents, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        if ((await access.ConsentAsync(id, user, ConsentOperation.View, ct)).Failed(out var refused, out var consent))
            return refused.ToProblem();
        var covered = await consents.CoveredPhotosAsync(consent, ct);
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Content(ConsentFhir.ToJson(consent, consents.Today, covered, baseUrl), ConsentFhir.MediaType);
    }

    /// <summary>Documents the multipart shape.</summary>
    public sealed record FormUpload(IFormFile File);

    private static async Task<Results<Ok<ConsentDto>, ProblemHttpResult>> AttachFormAsync(string id, HttpRequest request,
        RecordAccess access, ConsentRecords consents, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.ConsentAsync(id, user, ConsentOperation.AttachForm, ct,
                "Only clinic staff attach the scan of a paper form.")).Failed(out var refused, out var consent))
            return refused.ToProblem();
        if ((await MultipartUpload.ReadAsync(request, "a 'file' field (the scan of the signed form)",
                "the scan of the signed form", ct)).Failed(out var unreadable, out var upload))
            return unreadable.ToProblem();
        var file = upload.File;
        await using var content = file.OpenReadStream();
        var attached = await consents.AttachFormAsync(consent, content, file.Length, ct);
        return attached.Failed(out var rejection, out var done)
            ? rejection.ToProblem()
            : TypedResults.Ok(ConsentDto.From(done, consents.Today));
    }

    private static async Task<Results<Ok<ConsentDto>, ProblemHttpResult>> RevokeAsync(string id, RecordAccess access,
        ConsentRecords consents, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.ConsentAsync(id, user, ConsentOperation.Revoke, ct)).Failed(out var refused, out var consent))
            return refused.ToProblem();
        return TypedResults.Ok(ConsentDto.From(await consents.RevokeAsync(consent, user, ct), consents.Today));
    }
}
