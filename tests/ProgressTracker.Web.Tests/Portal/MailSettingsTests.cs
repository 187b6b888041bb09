using ProgressTracker.Web.Infrastructure.Mail;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>Mail settings that could never send are refused at start, naming the setting; no host means no e-mail.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class MailSettingsTests
{
    [Theory]
    [InlineData("starttls", null, "Mail:From")]
    [InlineData("ssl3", "photos@clinic.test", "Mail:Security")]
    [InlineData("none", "not an address", "Mail:From")]
    public void Unusable_settings_fail_at_start_with_the_setting_named(string security, string? from, string named)
    {
        var options = new MailOptions { SmtpHost = "smtp.clinic.test", Security = security, From = from };
        var error = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Without_a_host_nothing_is_sent_and_the_reason_says_so()
    {
        var options = new MailOptions { Security = "ssl3" }; // not checked: mail is off
        options.Validate();
        Assert.False(options.Enabled);
        var outcome = await new NoMailSender().SendAsync(new OutgoingMail("a@b.test", "s", "t", "h"), default);
        Assert.False(outcome.Sent);
        Assert.Contains("Mail:SmtpHost", outcome.Problem);
    }
}
