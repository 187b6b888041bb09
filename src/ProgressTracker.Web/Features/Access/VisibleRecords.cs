namespace ProgressTracker.Web.Features.Access;

/// <summary>
/// The list side of the rules: every query that lists or searches records starts here, with the same
/// <see cref="Caller.ReadablePatients"/> the per-record handlers use, so a list never shows what a direct read
/// would refuse (the access matrix test checks both).
/// </summary>
public static class VisibleRecords
{
    public static IQueryable<Patient> VisibleTo(this IQueryable<Patient> patients, Caller caller) =>
        caller.ReadablePatients switch
        {
            { AllPatients: true } => patients,
            { OnlyPatient: { } id } => patients.Where(p => p.Id == id),
            _ => patients.Where(_ => false),
        };

    /// <summary>Visits, photos, baselines: anything that belongs to one patient.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, Caller caller) where T : PatientRecord =>
        caller.ReadablePatients switch
        {
            { AllPatients: true } => records,
            { OnlyPatient: { } id } => records.Where(r => r.PatientId == id),
            _ => records.Where(_ => false),
        };

    /// <summary>Exports are staff documents.</summary>
    public static IQueryable<Export> VisibleTo(this IQueryable<Export> exports, Caller caller) =>
        caller.IsStaff ? exports : exports.Where(_ => false);
}
