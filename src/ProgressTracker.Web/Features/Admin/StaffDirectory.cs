namespace ProgressTracker.Web.Features.Admin;

/// <summary>Every account with its roles and state, for the admin's list. A clinic has tens of accounts, not pages.</summary>
public sealed class StaffDirectory(AppDbContext db)
{
    public async Task<AccountList> ListAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToListAsync(ct);
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           select new { link.UserId, role.Name }).AsNoTracking().ToListAsync(ct);
        var withPasskey = (await db.UserPasskeys.Select(p => p.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!.ToLowerInvariant());
        var items = users.Select(u => new AccountDto(u.Id, u.Email ?? u.UserName ?? "",
            [.. byUser[u.Id].Order(StringComparer.Ordinal)], u.IsActive,
            u.TwoFactorEnabled || withPasskey.Contains(u.Id), u.LastSignInAt)).ToList();
        return new AccountList(items, items.Count);
    }
}
