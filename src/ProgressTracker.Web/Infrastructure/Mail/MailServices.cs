namespace ProgressTracker.Web.Infrastructure.Mail;

public static class MailServices
{
    /// <summary>The sender is chosen once here, from the settings; features only see <see cref="IMailSender"/>.</summary>
    public static void AddMail(this IServiceCollection services, IConfiguration config)
    {
        var options = Hosting.Settings.AddSettings<MailOptions>(services, config, MailOptions.Section);
        options.Validate();
        if (options.Enabled) services.AddSingleton<IMailSender, SmtpMailSender>();
        else services.AddSingleton<IMailSender, NoMailSender>();
    }
}
