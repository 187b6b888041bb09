using System.Globalization;
using System.Text;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>
/// The trail as CSV (RFC 4180): a field with a comma, quote or line break is quoted with quotes doubled, and a field
/// a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe,
/// since the detail and resource fields can carry text that came from a request.
/// </summary>
public static class AuditCsv
{
    public const string Header =
        "sequence,at,actorId,actorRole,action,resourceType,resourceId,patientId,outcome,ip,detail";

    public static string Line(AuditEntryDto e) => string.Join(',',
        Field(e.Sequence?.ToString(CultureInfo.InvariantCulture)),
        Field(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffff'Z'", CultureInfo.InvariantCulture)),
        Field(e.ActorId?.ToString("D")), Field(e.ActorRole), Field(e.Action), Field(e.ResourceType),
        Field(e.ResourceId), Field(e.PatientId?.ToString("D")), Field(EnumNames.ToKebab(e.Outcome)), Field(e.Ip),
        Field(e.Detail));

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"")).Append('"')
            .ToString();
    }
}
