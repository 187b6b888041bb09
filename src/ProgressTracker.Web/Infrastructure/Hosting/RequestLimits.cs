using Microsoft.AspNetCore.Http.Features;
using ProgressTracker.Imaging;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// Request bodies are small (Hosting:MaxRequestBodyBytes, 1 MiB) on every route, so sign-in and JSON endpoints
/// cannot be made to read hundreds of megabytes; only the upload routes (photos, consent scans) raise it, to what their
/// files need.
/// </summary>
public static class RequestLimits
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Room for the multipart boundaries and the other form fields around the files.</summary>
    private const long FormOverhead = 1024 * 1024;

    /// <summary>The upload page posts one file per standard view at once.</summary>
    public const int FilesPerPageUpload = 6;

    /// <summary>One photo through the API.</summary>
    public static long ApiUpload(ImageLimits limits) => limits.MaxBytes + FormOverhead;

    public static long PageUpload(ImageLimits limits) => (limits.MaxBytes * FilesPerPageUpload) + FormOverhead;

    public static void AddRequestLimits(this WebApplicationBuilder builder, ImageLimits limits)
    {
        var max = builder.Configuration.GetValue("Hosting:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = max);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = PageUpload(limits));
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageApplicationModelConvention(
                "/Photos/Upload/Upload", page => page.EndpointMetadata.Add(new RequestSizeLimitAttribute(PageUpload(limits))));
            // The staff consent screen attaches the scan of a signed paper form.
            o.Conventions.AddPageApplicationModelConvention("/Consents/PatientConsents", page => page.EndpointMetadata.Add(
                new RequestSizeLimitAttribute(Features.Consents.ConsentRecords.MaxFormBytes + FormOverhead)));
        });
    }
}
