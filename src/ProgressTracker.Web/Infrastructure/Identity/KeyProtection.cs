using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Section "DataProtection": the keys that sign cookies and tokens are stored in the database (shared by every web
/// process); with CertificatePath (a PFX) and CertificatePassword they are stored encrypted with that certificate,
/// so a copy of the database, or read access to it, is not enough to forge a sign-in.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

public static class KeyProtection
{
    public static void AddKeyProtection(this IServiceCollection services, IConfiguration config, DatabaseProvider database)
    {
        var options = config.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            // Not a start failure: the embedded default and the tests run without one, and a database encrypted at
            // rest may be judged enough. But on PostgreSQL the operator should decide it knowingly.
            if (database == DatabaseProvider.Postgres) services.AddHostedService<UnprotectedKeysWarning>();
            return;
        }
        // Registers the certificate for decryption too, so keys it wrote are read back after a restart.
        services.AddDataProtection().ProtectKeysWithCertificate(Load(options.CertificatePath, options.CertificatePassword));
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(Pkcs12Bytes(path), password);
            if (!certificate.HasPrivateKey) throw new CryptographicException("The certificate has no private key.");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{path}' could not be read as a PFX with its private key " +
                $"(check the file and DataProtection:CertificatePassword): {e.Message}", e);
        }
    }

    /// <summary>
    /// The PFX file's bytes, or the bytes its text stands for when it holds base64: that is how a Key Vault
    /// certificate arrives when mounted through a Container Apps secret volume (infra/azure).
    /// </summary>
    private static byte[] Pkcs12Bytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0 || bytes[0] == 0x30) return bytes; // DER: a PKCS#12 file starts with a SEQUENCE
        try
        {
            return Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(bytes).Trim());
        }
        catch (FormatException)
        {
            return bytes; // neither: let the loader say what is wrong with it
        }
    }

    private sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> log) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            log.LogWarning("Data-protection keys (they sign cookies and tokens) are stored unencrypted in the " +
                "database: set DataProtection:CertificatePath and DataProtection:CertificatePassword to encrypt " +
                "them (see docs/security/transport.md)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
