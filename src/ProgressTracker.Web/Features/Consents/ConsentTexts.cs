using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// The clinic's consent texts. Until the clinic publishes its own, the shipped template is the current version
/// (<see cref="DefaultVersion"/>), added on first use so every consent can name the version it was signed under.
/// </summary>
public sealed class ConsentTexts(AppDbContext db, TimeProvider clock)
{
    public const string DefaultVersion = "template-2026-12";
    public const string DefaultTitle = "Consent to use my treatment photos";

    /// <summary>The shipped template (an embedded resource, so it travels with the binary).</summary>
    public static string DefaultMarkdown { get; } = ReadDefault();

    /// <summary>The newest version the clinic has published, or the template.</summary>
    public async Task<ConsentText> CurrentAsync(CancellationToken ct)
    {
        var newest = await db.ConsentTexts.AsNoTracking().OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);
        if (newest is not null) return newest;
        var template = new ConsentText
        {
            Version = DefaultVersion, Title = DefaultTitle, Markdown = DefaultMarkdown, CreatedAt = clock.GetUtcNow(),
        };
        db.ConsentTexts.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
            return template;
        }
        catch (DbUpdateException)
        {
            // Another request added the template first (the version is unique): use that one.
            db.ChangeTracker.Clear();
            return await db.ConsentTexts.AsNoTracking().SingleAsync(t => t.Version == DefaultVersion, ct);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the text as signed (UTF-8).</summary>
    public static string HashOf(string markdown) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)));

    private static string ReadDefault()
    {
        var assembly = typeof(ConsentTexts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("DefaultConsentText.md", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
