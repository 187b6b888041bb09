namespace ProgressTracker.Web.Features.Photos;

/// <summary>A page about one photo (route <c>{id}</c>): the checked photo as shown, and the visit it was taken at.</summary>
public abstract class PhotoPageModel(RecordAccess access, AppDbContext db) : RecordPageModel<Photo>(access)
{
    public PhotoDto Photo { get; private set; } = null!;
    public Visit Visit { get; private set; } = null!;

    protected AppDbContext Db { get; } = db;

    protected virtual PhotoOperation OperationFor(string httpMethod) =>
        IsRead(httpMethod) ? PhotoOperation.View : PhotoOperation.Edit;

    protected override Task<Result<Photo>> LoadAsync(string id, string httpMethod, CancellationToken ct) =>
        Access.PhotoAsync(id, User, OperationFor(httpMethod), ct);

    protected async Task LoadPhotoAndVisitAsync(CancellationToken ct)
    {
        Photo = PhotoDto.From(Record);
        Visit = await Db.Visits.AsNoTracking().SingleAsync(v => v.Id == Record.VisitId, ct);
    }
}
