namespace ProgressTracker.Web.Features.Patients;

/// <summary>The patient list behind both the page and the API.</summary>
public sealed class PatientSearch(AppDbContext db)
{
    public async Task<(IReadOnlyList<Patient> Items, int Total)> FindAsync(
        ClaimsPrincipal user, string? text, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Patients.AsNoTracking().VisibleTo(Caller.From(user));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().ToLowerInvariant()}%";
            query = query.Where(p => EF.Functions.Like(p.DisplayName.ToLower(), pattern)
                                     || EF.Functions.Like(p.RecordNumber.ToLower(), pattern));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.DisplayName).ThenBy(p => p.RecordNumber)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
