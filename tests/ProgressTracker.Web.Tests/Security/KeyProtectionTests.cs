using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Security;

/// <summary>
/// The keys that sign cookies and tokens live in the database; with a certificate configured they are stored
/// encrypted, so a copy of the database alone cannot forge a sign-in.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class KeyProtectionTests : IDisposable
{
    private const string PfxPassword = "pfx-Secret-1";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pt-certs", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_still_usable_after_a_restart()
    {
        var pfx = WriteSelfSignedPfx();
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings:
            [$"--DataProtection:CertificatePath={pfx}", $"--DataProtection:CertificatePassword={PfxPassword}"]);
        var api = await ApiClient.SignInAsync(app); // issuing a token creates the first key

        var keys = await StoredKeysAsync(app);
        Assert.NotEmpty(keys);
        foreach (var xml in keys)
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
            Assert.DoesNotContain("unencrypted form", xml);
        }

        await app.StopAsync();
        await app.StartAsync("All");
        using var http = app.CreateClient(); // a new port; the old token, read with the stored key
        http.DefaultRequestHeaders.Authorization = api.Http.DefaultRequestHeaders.Authorization;
        using var response = await http.GetAsync("/api/v1/patients");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_base64_pfx_as_mounted_from_key_vault_is_read_like_the_file()
    {
        var pfx = WriteSelfSignedPfx();
        var base64 = Path.Combine(_folder, "certificate.pfx.b64");
        await File.WriteAllTextAsync(base64, Convert.ToBase64String(await File.ReadAllBytesAsync(pfx)) + "\n");
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings:
            [$"--DataProtection:CertificatePath={base64}", $"--DataProtection:CertificatePassword={PfxPassword}"]);
        await ApiClient.SignInAsync(app);

        Assert.All(await StoredKeysAsync(app), xml => Assert.Contains("EncryptedData", xml));
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_start_with_its_setting_named()
    {
        var missing = Path.Combine(_folder, "missing.pfx");
        var error = Assert.Throws<InvalidOperationException>(() => AppHost.Build(
        [
            $"--App:DataDirectory={Path.Combine(_folder, "data")}", $"--DataProtection:CertificatePath={missing}",
        ]));
        Assert.Contains("DataProtection:CertificatePath", error.Message);
    }

    private static async Task<List<string>> StoredKeysAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private string WriteSelfSignedPfx()
    {
        Directory.CreateDirectory(_folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ProgressTracker key protection (test)", rsa, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var path = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, PfxPassword));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
