namespace ProgressTracker.Web.Features.Demo;

/// <summary>
/// Where the demo sign-in details are shown: the console of whoever started the app, never the log (logs are often
/// shipped elsewhere). A class of its own so tests can read what a start printed.
/// </summary>
public sealed class DemoAnnouncer(TextWriter output)
{
    public TextWriter Output => output;
}
