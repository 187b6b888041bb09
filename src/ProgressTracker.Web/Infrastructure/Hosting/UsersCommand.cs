namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// `users add --email E --role R`: bootstraps accounts on any install (same verb on the published app). The password
/// is read from standard input (one line), so it stays out of shell history and the process list:
/// `printf '%s\n' "$PW" | dotnet ProgressTracker.Web.dll users add --email … --role …`. `--password` still works.
/// Exit codes: 0 done, 2 bad arguments, 1 the account could not be created.
/// </summary>
public static class UsersCommand
{
    public const string Usage =
        "Usage: users add --email <email> --role <Admin|Clinician|Patient|Marketing>\n" +
        "       The password is read from standard input (one line), e.g.\n" +
        "       printf '%s\\n' \"$PASSWORD\" | dotnet ProgressTracker.Web.dll users add --email <email> --role <role>";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "users";

    /// <param name="stdin">Where the password is read from when <c>--password</c> is absent; the console by default.</param>
    public static async Task<int> RunAsync(string[] args, TextReader? stdin = null)
    {
        var (parsed, error) = Parse(args);
        if (parsed is not null && parsed.Password is null)
        {
            var password = await ReadPasswordAsync(stdin);
            parsed = string.IsNullOrEmpty(password) ? null : parsed with { Password = password };
            error = "No password: give it on standard input (one line).";
        }
        if (parsed is null)
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // Build the same host as the web app (so configuration and database are identical) but don't run it.
        var hostArgs = args.Where((_, i) => !IsCommandArg(args, i)).ToArray();
        await using var app = AppHost.Build(hostArgs, AppHost.Purpose.Command);
        await DataServices.MigrateAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var (user, failure) = await accounts.AddAsync(parsed.Email, parsed.Role, parsed.Password!, CancellationToken.None);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"Could not create the account: {failure}");
            return 1;
        }
        Console.WriteLine($"Created {parsed.Role} account {parsed.Email}.");
        return 0;
    }

    /// <summary>
    /// One line from standard input, without its line ending. At an interactive terminal the person is prompted on
    /// standard error and the typed characters are not echoed.
    /// </summary>
    private static async Task<string?> ReadPasswordAsync(TextReader? stdin)
    {
        if (stdin is not null) return (await stdin.ReadLineAsync())?.TrimEnd('\r');
        if (Console.IsInputRedirected) return (await Console.In.ReadLineAsync())?.TrimEnd('\r');
        await Console.Error.WriteAsync("Password: ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        await Console.Error.WriteLineAsync();
        return typed.ToString();
    }

    private sealed record AddArgs(string Email, string Role, string? Password);

    private static readonly string[] Flags = ["--email", "--role", "--password"];
    private static readonly string[] RequiredFlags = ["--email", "--role"];

    private static bool IsCommandArg(string[] args, int i) =>
        i < 2 || Flags.Contains(args[i]) || (i > 0 && Flags.Contains(args[i - 1]));

    private static (AddArgs?, string) Parse(string[] args)
    {
        if (args.Length < 2 || args[1] != "add")
            return (null, args.Length < 2 ? "Missing sub-command." : $"Unknown sub-command '{args[1]}'.");
        var values = new Dictionary<string, string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (!Flags.Contains(args[i])) continue;
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                return (null, $"{args[i]} needs a value.");
            values[args[i]] = args[++i];
        }
        foreach (var flag in RequiredFlags)
            if (!values.ContainsKey(flag)) return (null, $"Missing {flag}.");
        var email = values["--email"];
        if (!email.Contains('@') || email.Length < 3) return (null, $"'{email}' is not an email address.");
        var role = Roles.Normalize(values["--role"]);
        if (role is null) return (null, $"Unknown role '{values["--role"]}'; use one of {string.Join(", ", Roles.All)}.");
        return (new AddArgs(email, role, values.GetValueOrDefault("--password")), "");
    }
}
