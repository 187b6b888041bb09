using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Cloud;

/// <summary>
/// Media links signed with a user delegation key, against a real Azurite that takes bearer tokens (<c>--oauth basic</c>,
/// which needs https, so it gets a certificate made here). Azurite checks a token's issuer, audience and lifetime but
/// not its signature, so the token comes from a stand-in credential: Entra ID itself cannot run here. The key path
/// (connection string with the account key) is covered unchanged by <c>AzureBlobStoreTests</c>.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class UserDelegationSasTests(UserDelegationSasTests.OAuthAzurite azurite)
    : IClassFixture<UserDelegationSasTests.OAuthAzurite>
{
    private readonly OAuthAzurite _azurite = azurite;

    [Fact]
    public async Task Link_signed_with_a_delegation_key_reads_only_that_blob_and_cannot_write()
    {
        var (store, _) = await StoreAsync(TimeProvider.System);
        await store.PutAsync("p/photo.jpg", new MemoryStream("pixels"u8.ToArray()), "image/jpeg", false, default);
        await store.PutAsync("p/other.jpg", new MemoryStream("other"u8.ToArray()), "image/jpeg", false, default);

        var uri = await store.GetDirectReadUriAsync("p/photo.jpg", TimeSpan.FromMinutes(1), null, default);

        Assert.NotNull(uri);
        var query = System.Web.HttpUtility.ParseQueryString(uri!.Query);
        Assert.Equal(OAuthAzurite.ObjectId, query["skoid"]); // signed by the identity's delegation key, not a key
        Assert.Equal("r", query["sp"]);
        using var http = _azurite.HttpClient();
        var read = await http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("pixels", await read.Content.ReadAsStringAsync());
        Assert.False((await http.PutAsync(uri, new StringContent("overwritten"))).IsSuccessStatusCode);
        var sibling = new UriBuilder(uri) { Path = uri.AbsolutePath.Replace("photo.jpg", "other.jpg") }.Uri;
        Assert.False((await http.GetAsync(sibling)).IsSuccessStatusCode);
        var longer = new Uri(uri.ToString().Replace("se=", "se=2099", StringComparison.Ordinal)); // a forged expiry
        Assert.False((await http.GetAsync(longer)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Download_link_keeps_its_signed_disposition_and_no_store()
    {
        var (store, _) = await StoreAsync(TimeProvider.System);
        await store.PutAsync("p/export.jpg", new MemoryStream("pixels"u8.ToArray()), "image/jpeg", false, default);

        var uri = await store.GetDirectReadUriAsync("p/export.jpg", TimeSpan.FromMinutes(1), "front-2026-03-12.jpg", default);

        using var http = _azurite.HttpClient();
        var read = await http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("attachment", read.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("front-2026-03-12.jpg", read.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", read.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_key_signs_every_link_until_it_nears_its_end_then_a_new_one_is_asked_for()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var (store, credential) = await StoreAsync(clock);
        await store.PutAsync("p/photo.jpg", new MemoryStream("pixels"u8.ToArray()), "image/jpeg", false, default);

        var first = await KeyExpiryAsync(store);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(first, await KeyExpiryAsync(store)); // cached
        clock.Advance(UserDelegationKeys.Validity - UserDelegationKeys.RenewBefore - TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var renewed = await KeyExpiryAsync(store);
        Assert.NotEqual(first, renewed);
        Assert.True(DateTimeOffset.Parse(renewed) > DateTimeOffset.Parse(first));
        Assert.All(credential.Scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
    }

    [Fact]
    public async Task Without_a_delegation_key_the_app_streams_media_instead_of_redirecting()
    {
        var options = new BlobClientOptions { Transport = _azurite.Transport() };
        var service = new BlobServiceClient(_azurite.ServiceUri, new RefusingCredential(), options);
        var store = new AzureBlobStore(service.GetBlobContainerClient("photos"), TimeProvider.System,
            new UserDelegationKeys(service, TimeProvider.System, NullLogger<UserDelegationKeys>.Instance));

        Assert.Null(await store.GetDirectReadUriAsync("p/photo.jpg", TimeSpan.FromMinutes(1), null, default));
    }

    private static async Task<string> KeyExpiryAsync(IBlobStore store)
    {
        var uri = await store.GetDirectReadUriAsync("p/photo.jpg", TimeSpan.FromMinutes(1), null, default);
        return System.Web.HttpUtility.ParseQueryString(uri!.Query)["ske"]!;
    }

    private async Task<(AzureBlobStore Store, AzuriteToken Credential)> StoreAsync(TimeProvider clock)
    {
        var credential = new AzuriteToken();
        var service = new BlobServiceClient(_azurite.ServiceUri, credential,
            new BlobClientOptions { Transport = _azurite.Transport() });
        var container = service.GetBlobContainerClient($"t{Guid.NewGuid():N}");
        await container.CreateIfNotExistsAsync();
        return (new AzureBlobStore(container, clock,
            new UserDelegationKeys(service, clock, NullLogger<UserDelegationKeys>.Instance)), credential);
    }

    /// <summary>An unsigned token shaped like one Entra ID issues for Storage: what Azurite's basic OAuth checks.</summary>
    private sealed class AzuriteToken : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext request, CancellationToken ct)
        {
            lock (Scopes) Scopes.AddRange(request.Scopes);
            var now = TimeProvider.System.GetUtcNow();
            static string Part(object o) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(o))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var token = Part(new { alg = "none", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
            {
                ["aud"] = "https://storage.azure.com", ["iss"] = $"https://sts.windows.net/{OAuthAzurite.TenantId}/",
                ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
                ["exp"] = now.AddHours(1).ToUnixTimeSeconds(), ["oid"] = OAuthAzurite.ObjectId, ["tid"] = OAuthAzurite.TenantId,
            }) + ".";
            return new AccessToken(token, now.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext request, CancellationToken ct) =>
            ValueTask.FromResult(GetToken(request, ct));
    }

    /// <summary>A sign-in that fails, as a managed identity without access would.</summary>
    private sealed class RefusingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext request, CancellationToken ct) =>
            throw new AuthenticationFailedException("no identity here");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext request, CancellationToken ct) =>
            throw new AuthenticationFailedException("no identity here");
    }

    /// <summary>
    /// An Azurite of this class's own, from the repository's install (infra/azurite, as services.sh uses it), over
    /// https with a throw-away certificate and bearer tokens accepted; stopped and deleted after the class.
    /// </summary>
    public sealed class OAuthAzurite : IAsyncLifetime
    {
        public const string ObjectId = "3c1e5e0a-9a4b-4a57-b6a5-0f0c8e2d4b11";
        public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

        private Process _process = null!;
        private string _folder = null!;
        private string _thumbprint = null!;

        public Uri ServiceUri { get; private set; } = null!;

        public HttpClientTransport Transport() => new(Handler());

        public HttpClient HttpClient() => new(Handler());

        private HttpClientHandler Handler() => new()
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _thumbprint,
        };

        public async Task InitializeAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), $"pt-azurite-oauth-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());

            var azurite = Path.Combine(Scripts.RepoRoot, "infra", "azurite");
            // services.sh's own Node (from npm, node-linux-<arch>) when the machine's is too old for Azurite.
            var bundled = Directory.Exists(Path.Combine(azurite, ".node", "node_modules"))
                ? Directory.GetDirectories(Path.Combine(azurite, ".node", "node_modules"), "node-linux-*")
                    .Select(d => Path.Combine(d, "bin", "node")).FirstOrDefault(File.Exists)
                : null;
            var start = new ProcessStartInfo(bundled ?? "node")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            };
            var port = ProgressTracker.Stack.FreePorts.Next();
            foreach (var arg in new[]
                     {
                         Path.Combine(azurite, "node_modules", ".bin", "azurite-blob"), "--blobHost", "127.0.0.1",
                         "--blobPort", port.ToString(), "--location", Path.Combine(folder, "data"), "--disableTelemetry",
                         "--skipApiVersionCheck", "--loose", "--silent", "--oauth", "basic",
                         "--cert", Path.Combine(folder, "cert.pem"), "--key", Path.Combine(folder, "key.pem"),
                     })
                start.ArgumentList.Add(arg);
            var process = _process = Process.Start(start)!;
            _folder = folder;
            _thumbprint = certificate.Thumbprint;
            ServiceUri = new Uri($"https://127.0.0.1:{port}/devstoreaccount1");
            for (var i = 0; i < 300; i++)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"Azurite did not start: {await process.StandardError.ReadToEndAsync()}");
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(200);
                }
            }
            throw new TimeoutException("Azurite did not listen within 60 s");
        }

        public async Task DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
