using System.Security.Cryptography;

namespace ProgressTracker.Web.Features.Demo;

/// <summary>
/// One demo login per role. Passwords are random per install (never a well-known default), kept in a file in the
/// data folder that only the owner can read, and printed once, when they are made, so a newcomer can sign in at once.
/// </summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<(string Email, string Role)> All =
    [
        ("clinician@demo.local", Roles.Clinician),
        ("admin@demo.local", Roles.Admin),
        ("patient@demo.local", Roles.Patient),
        ("marketing@demo.local", Roles.Marketing),
    ];

    public static string FilePath(string dataPath) => Path.Combine(dataPath, "demo-accounts.txt");

    /// <summary>Random, and always meets the password rules (upper, lower, digit, length).</summary>
    public static string NewPassword() =>
        "Demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') +
        RandomNumberGenerator.GetInt32(10, 100);

    public static async Task SaveAsync(string dataPath, IEnumerable<(string Role, string Email, string Password)> accounts,
        CancellationToken ct)
    {
        OwnerOnly.CreateFolder(dataPath);
        var path = FilePath(dataPath);
        await File.WriteAllLinesAsync(path, accounts.Select(a => $"{a.Role}\t{a.Email}\t{a.Password}"), ct);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static void Print(TextWriter console, string dataPath, string? baseUrl)
    {
        var path = FilePath(dataPath);
        if (!File.Exists(path)) return;
        console.WriteLine();
        console.WriteLine($"  ProgressTracker demo clinic{(baseUrl is null ? "" : $" — open {baseUrl}")}");
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3) console.WriteLine($"    {parts[0],-10} {parts[1],-22} password: {parts[2]}");
        }
        console.WriteLine($"  (kept in {path})");
        console.WriteLine();
    }
}
