namespace ProgressTracker.Web.Features.Marketing;

/// <summary>The account's e-mail, kept on a copy so the takedown checklist reads the same after the account changes.</summary>
public static class AccountNames
{
    public static async Task<string?> EmailOfAsync(this AppDbContext db, Guid? userId, CancellationToken ct) =>
        userId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(ct) : null;
}
