using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// Geometry of an export picture: a title line on top, the photos at one common height (each keeps its aspect
/// ratio), and a label band under each photo, with margins on a dark stage. Bands and type scale with the photo
/// height, within limits that keep text legible on small panels and modest on large ones.
/// </summary>
internal sealed record PanelLayout(Size Canvas, Rect Title, IReadOnlyList<Rect> Photos, IReadOnlyList<Rect> Labels,
    double TitleSize, double LabelSize, double WatermarkSize)
{
    /// <summary>All photos in one row on one canvas, no wider than <paramref name="maxWidth"/>.</summary>
    /// <param name="titled">False for a picture without a title line: the photos start at the top margin.</param>
    public static PanelLayout Row(IReadOnlyList<Size> sources, int idealHeight, int maxWidth, bool titled = true)
    {
        var height = Math.Min(idealHeight, sources.Max(s => s.Height));
        for (var attempt = 0; ; attempt++)
        {
            var bands = Bands.For(height, titled);
            var widths = sources.Select(s => WidthAt(s, height)).ToList();
            var width = 2 * bands.Margin + widths.Sum() + bands.Gap * (widths.Count - 1);
            if (width <= maxWidth || height <= 16 || attempt > 8)
            {
                var photos = new List<Rect>();
                var x = bands.Margin;
                foreach (var w in widths)
                {
                    photos.Add(new Rect(x, bands.PhotoTop, w, height));
                    x += w + bands.Gap;
                }
                return Build(new Size(width, bands.CanvasHeight(height)), bands, photos, height);
            }
            var room = maxWidth - 2 * bands.Margin - bands.Gap * (widths.Count - 1);
            height = Math.Max(16, (int)Math.Floor(height * (double)room / widths.Sum()));
        }
    }

    /// <summary>
    /// One frame per photo, every frame the same size (an animation has one canvas), its long edge at most
    /// <paramref name="longEdge"/>; each photo is centred on it.
    /// </summary>
    public static IReadOnlyList<PanelLayout> Frames(IReadOnlyList<Size> sources, int longEdge)
    {
        var height = Math.Min(longEdge, sources.Max(s => s.Height));
        while (FrameCanvas(sources, height) is var canvas && Math.Max(canvas.Width, canvas.Height) > longEdge && height > 16)
            height = Math.Max(16, Math.Min(height - 1, (int)Math.Floor(height * longEdge / (double)Math.Max(canvas.Width, canvas.Height))));
        // Shrinking by a ratio rounds down and the bands scale in steps: take back the pixels that still fit.
        while (height < sources.Max(s => s.Height) && FrameCanvas(sources, height + 1) is var larger
                                                    && Math.Max(larger.Width, larger.Height) <= longEdge)
            height++;

        var bands = Bands.For(height);
        var frame = FrameCanvas(sources, height);
        return sources.Select(s => WidthAt(s, height)).Select(w => Build(frame, bands,
            [new Rect((frame.Width - w) / 2, bands.PhotoTop, w, height)], height)).ToList();
    }

    private static Size FrameCanvas(IReadOnlyList<Size> sources, int height)
    {
        var bands = Bands.For(height);
        return new Size(2 * bands.Margin + sources.Max(s => WidthAt(s, height)), bands.CanvasHeight(height));
    }

    private static int WidthAt(Size source, int height) =>
        Math.Max(1, (int)Math.Round(source.Width * (double)height / source.Height));

    private static PanelLayout Build(Size canvas, Bands bands, List<Rect> photos, int height) =>
        new(canvas,
            new Rect(bands.Margin, bands.Margin, canvas.Width - 2 * bands.Margin, bands.TitleHeight),
            photos,
            photos.Select(p => new Rect(p.X, p.Y + p.Height, p.Width, bands.LabelHeight)).ToList(),
            bands.TitleHeight * 0.52, bands.LabelHeight * 0.5, Math.Clamp(height * 0.028, 12, 30));

    /// <summary>Margins and band heights for a given photo height.</summary>
    private readonly record struct Bands(int Margin, int Gap, int TitleHeight, int LabelHeight)
    {
        public static Bands For(int photoHeight, bool titled = true) => new(
            Scale(photoHeight, 0.03, 12, 32), Scale(photoHeight, 0.02, 8, 24),
            titled ? Scale(photoHeight, 0.09, 32, 84) : 0, Scale(photoHeight, 0.085, 30, 76));

        public int PhotoTop => TitleHeight == 0 ? Margin : Margin + TitleHeight + Gap;

        public int CanvasHeight(int photoHeight) => PhotoTop + photoHeight + LabelHeight + Margin;

        private static int Scale(int height, double fraction, int min, int max) =>
            Math.Clamp((int)Math.Round(height * fraction), min, max);
    }
}
