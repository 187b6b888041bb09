using ProgressTracker.Imaging.Memory;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// The app keeps large pixel buffers in the C heap between photos however it is started — here by a test host, which
/// builds it the same way as `dotnet run` and the published app (docs/decisions/0034-keep-pixel-buffers-in-the-heap.md).
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class NativeHeapHostingTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task The_app_keeps_pixel_buffers_in_the_heap()
    {
        using var http = fixture.App.CreateClient();
        (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
        Assert.Equal(NativeHeapMode.Keep, NativeHeap.Mode);
    }
}
