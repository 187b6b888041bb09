using System.Net;
using System.Text;
using System.Text.Json;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Every measured response is checked against the seeded rows: a benchmark that times a login redirect or an error
/// page instead of the timeline would report a fine figure for the wrong thing.
/// </summary>
public static class TimelineResponseChecks
{
    public static void Page(HttpStatusCode status, byte[] body, TimelineSeeded seeded)
    {
        var html = Ok(status, body, "patient page");
        Expect(html, """<th scope="col" class="visit-col">""", seeded.Visits, "visit columns");
        Expect(html, """<th scope="row" class="view-col">""", seeded.Views, "view rows");
        Expect(html, """data-photo-status="ready" """, seeded.Photos, "ready thumbnails");
        Expect(html, """<img src="/api/v1/photos/""", seeded.Photos, "thumbnail images");
        Expect(html, "⚠ check alignment", seeded.NeedsReview, "needs-review badges");
        Expect(html, "★ baseline</span>", seeded.Views, "baseline badges");
        if (!html.TrimEnd().EndsWith("</html>", StringComparison.Ordinal))
            throw new InvalidOperationException("The patient page was cut off before </html>.");
    }

    public static void Api(HttpStatusCode status, byte[] body, TimelineSeeded seeded)
    {
        using var json = JsonDocument.Parse(Ok(status, body, "timeline API"));
        var root = json.RootElement;
        var visits = root.GetProperty("visits").GetArrayLength();
        var views = root.GetProperty("views").EnumerateArray().ToList();
        var ready = views.SelectMany(v => v.GetProperty("visits").EnumerateArray())
            .SelectMany(c => c.GetProperty("photos").EnumerateArray())
            .Count(p => p.GetProperty("status").GetString() == "ready");
        if (visits != seeded.Visits || views.Count != seeded.Views || ready != seeded.Photos)
            throw new InvalidOperationException(
                $"The timeline API returned {visits} visits, {views.Count} views and {ready} ready photos; " +
                $"expected {seeded.Visits}, {seeded.Views} and {seeded.Photos}.");
    }

    public static void Health(HttpStatusCode status, byte[] body)
    {
        using var json = JsonDocument.Parse(Ok(status, body, "health check"));
        if (json.RootElement.GetProperty("status").GetString() != "healthy")
            throw new InvalidOperationException($"/health is not healthy: {Encoding.UTF8.GetString(body)}");
    }

    private static string Ok(HttpStatusCode status, byte[] body, string what)
    {
        var text = Encoding.UTF8.GetString(body);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"The {what} answered {(int)status}: {text[..Math.Min(text.Length, 300)]}");
        return text;
    }

    private static void Expect(string html, string marker, int expected, string what)
    {
        var found = 0;
        for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0;
             at = html.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
            found++;
        if (found != expected)
            throw new InvalidOperationException($"The patient page shows {found} {what}; the seeded timeline has {expected}.");
    }
}
