using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Features.Access;

/// <summary>
/// One handler per kind of resource. Each answers every operation of its type in one switch, from the
/// <see cref="Caller"/> and the record alone (no database reads), and refuses what it does not know: access is
/// default-deny. Marketing reads nothing clinical here; consented, de-identified renderings get their own
/// resource and handler with the consent records.
/// </summary>
public abstract class ResourceHandler<TOperation, TResource> : AuthorizationHandler<TOperation, TResource>
    where TOperation : ResourceOperation
{
    protected abstract bool Allows(Caller caller, TOperation operation, TResource resource);

    protected sealed override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        TOperation requirement, TResource resource)
    {
        if (Allows(Caller.From(context.User), requirement, resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public sealed class PatientHandler : ResourceHandler<PatientOperation, Patient>
{
    protected override bool Allows(Caller caller, PatientOperation operation, Patient patient) => operation.Name switch
    {
        nameof(PatientOperation.View) => caller.ReadablePatients.Includes(patient.Id),
        nameof(PatientOperation.Edit) or nameof(PatientOperation.ViewStaffNotes) or nameof(PatientOperation.Export)
            or nameof(PatientOperation.Invite) => caller.IsStaff,
        _ => false,
    };
}

public sealed class VisitHandler : ResourceHandler<VisitOperation, Visit>
{
    protected override bool Allows(Caller caller, VisitOperation operation, Visit visit) => operation.Name switch
    {
        nameof(VisitOperation.View) => caller.ReadablePatients.Includes(visit.PatientId),
        nameof(VisitOperation.Edit) or nameof(VisitOperation.AddPhotos) => caller.IsStaff,
        _ => false,
    };
}

public sealed class PhotoHandler : ResourceHandler<PhotoOperation, Photo>
{
    protected override bool Allows(Caller caller, PhotoOperation operation, Photo photo) => operation.Name switch
    {
        nameof(PhotoOperation.View) => caller.ReadablePatients.Includes(photo.PatientId),
        nameof(PhotoOperation.Edit) => caller.IsStaff,
        _ => false,
    };
}

public sealed class MediaHandler : ResourceHandler<MediaOperation, PhotoMedia>
{
    protected override bool Allows(Caller caller, MediaOperation operation, PhotoMedia media) =>
        operation == MediaOperation.Read && media.Variant switch
        {
            MediaVariant.Original => MayReadOriginals(caller),
            _ => caller.ReadablePatients.Includes(media.Photo.PatientId),
        };

    /// <summary>The untouched upload may carry GPS and camera metadata: clinicians only. Responses ask this too,
    /// so nobody else is even given the link.</summary>
    public static bool MayReadOriginals(Caller caller) => caller.IsClinician;
}

public sealed class ExportHandler : ResourceHandler<ExportOperation, Export>
{
    protected override bool Allows(Caller caller, ExportOperation operation, Export export) => operation.Name switch
    {
        nameof(ExportOperation.View) or nameof(ExportOperation.Download) => caller.IsStaff,
        _ => false,
    };
}

public sealed class ConsentHandler : ResourceHandler<ConsentOperation, Consent>
{
    protected override bool Allows(Caller caller, ConsentOperation operation, Consent consent) => operation.Name switch
    {
        nameof(ConsentOperation.View) or nameof(ConsentOperation.Revoke) => caller.ReadablePatients.Includes(consent.PatientId),
        nameof(ConsentOperation.AttachForm) => caller.IsStaff && consent.Method == ConsentMethod.PaperForm,
        nameof(ConsentOperation.ViewForm) => caller.IsStaff && caller.ReadablePatients.Includes(consent.PatientId),
        // Each way of giving consent has its one giver: the patient on screen, staff for a paper form.
        nameof(ConsentOperation.Record) => consent.Method switch
        {
            ConsentMethod.OnScreen => caller.IsPatient && caller.PatientId == consent.PatientId,
            ConsentMethod.PaperForm => caller.IsStaff,
            _ => false,
        },
        _ => false,
    };
}

public sealed class CaseHandler : ResourceHandler<CaseOperation, MarketingCase>
{
    protected override bool Allows(Caller caller, CaseOperation operation, MarketingCase @case) => operation.Name switch
    {
        nameof(CaseOperation.View) => caller.MayUseMarketing
                                      || caller.IsPatient && caller.PatientId == @case.PatientId,
        nameof(CaseOperation.Edit) or nameof(CaseOperation.Download) => caller.MayUseMarketing,
        nameof(CaseOperation.Review) => caller.IsPatient && caller.PatientId == @case.PatientId,
        _ => false,
    };
}

public sealed class GalleryHandler : ResourceHandler<GalleryOperation, Gallery>
{
    protected override bool Allows(Caller caller, GalleryOperation operation, Gallery gallery) => operation.Name switch
    {
        nameof(GalleryOperation.View) or nameof(GalleryOperation.Edit) => caller.MayUseMarketing,
        // Two people publish: whoever submitted may not approve, and marketing alone never can.
        nameof(GalleryOperation.Approve) => caller.IsStaff && caller.UserId is { } me && gallery.SubmittedBy != me,
        _ => false,
    };
}
