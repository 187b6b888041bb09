namespace ProgressTracker.Web.Features.Admin.Audit;

/// <summary>
/// The page's filter as typed: a person by e-mail or id, a patient by record number or id, an action and a date
/// range (whole UTC days, both ends included). Resolves to ids, or says which part matched nothing.
/// </summary>
public sealed record AuditPageFilter(string? Person, string? Patient, string? Action, DateOnly? From, DateOnly? To)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Person) && string.IsNullOrWhiteSpace(Patient)
                           && string.IsNullOrEmpty(Action) && From is null && To is null;

    public async Task<(AuditFilter? Filter, string? Problem)> ResolveAsync(AppDbContext db, CancellationToken ct)
    {
        Guid? actor = null, patient = null;
        if (Person?.Trim() is { Length: > 0 } person)
        {
            var normalized = person.ToUpperInvariant();
            actor = Guid.TryParse(person, out var id) ? id
                : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (actor is null) return (null, $"No account has the e-mail address {person}.");
        }
        if (Patient?.Trim() is { Length: > 0 } record)
        {
            patient = Guid.TryParse(record, out var id) ? id
                : await db.Patients.Where(p => p.RecordNumber == record).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (patient is null) return (null, $"No patient has the record number {record}.");
        }
        if (From is { } f && To is { } t && t < f) return (null, "The end date is before the start date.");
        return (new AuditFilter(actor, patient, string.IsNullOrEmpty(Action) ? null : Action, Day(From, 0), Day(To, 1)),
            null);
    }

    private static DateTimeOffset? Day(DateOnly? day, int addDays) => day is { } d
        ? new DateTimeOffset(d.AddDays(addDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : null;

    /// <summary>The query string that reproduces this filter, for paging and the CSV link.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("person", Person);
        Add("patient", Patient);
        Add("action", Action);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page is > 1) parts.Add($"p={page}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
