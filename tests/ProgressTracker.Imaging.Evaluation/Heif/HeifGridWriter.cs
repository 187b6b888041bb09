using System.Text;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Evaluation.Heif;

/// <summary>How <see cref="HeifGridWriter"/> lays out and encodes a grid image.</summary>
public sealed record HeifGridOptions
{
    /// <summary>Tile edge in pixels; iPhones use 512.</summary>
    public int TileSize { get; init; } = 512;

    /// <summary>heif-enc's -q for every tile.</summary>
    public int Quality { get; init; } = 50;

    /// <summary>An ICC profile for the whole picture, written as a 'colr' box of type 'prof' on the grid item.</summary>
    public byte[]? IccProfile { get; init; }

    /// <summary>
    /// The 'irot' property on the grid item: a decoder turns the picture this many degrees anticlockwise
    /// (0, 90, 180 or 270). An iPhone portrait is stored landscape with 270 (= 90° clockwise, EXIF orientation 6).
    /// </summary>
    public int RotationDegrees { get; init; }

    /// <summary>
    /// An Exif block for an 'Exif' item describing the grid: either a bare TIFF structure ("MM\0*" …) or one led
    /// by "Exif\0\0" as in a JPEG APP1 segment (iPhones store the latter).
    /// </summary>
    public byte[]? Exif { get; init; }
}

/// <summary>
/// Writes a HEIF 'grid' image the way iPhones do — one HEVC image per 512 × 512 tile, hidden, combined by a
/// grid item that names the output size — because Debian 12's heif-enc (libheif 1.15) only writes single
/// frames. Each tile is encoded by heif-enc on its own; its decoder configuration and coded data are taken out
/// of that file and put into one container around a grid item, which carries the picture-level properties
/// (output size, colour profile, rotation) and the Exif item.
/// </summary>
public static class HeifGridWriter
{
    /// <summary>heif-enc processes run at the same time: x265 already uses every core on its own.</summary>
    public const int MaxParallelEncoders = 2;

    private const int GridId = 1; // tiles follow as 2, 3, …; the Exif item comes last

    /// <summary>Encodes 8-bit BGR pixels (<see cref="MatType.CV_8UC3"/>) as a grid HEIC.</summary>
    public static byte[] Write(Mat bgr, HeifGridOptions? options = null)
    {
        options ??= new HeifGridOptions();
        return Assemble(EncodeTiles(bgr, options), options);
    }

    /// <summary>Encodes packed 8-bit BGR bytes (<paramref name="width"/> × 3 bytes a row) as a grid HEIC.</summary>
    public static byte[] Write(byte[] bgr, int width, int height, HeifGridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Length != checked(width * height * 3)) throw new ArgumentException("Expected width × height × 3 bytes.", nameof(bgr));
        using var mat = Mat.FromPixelData(height, width, MatType.CV_8UC3, bgr);
        return Write(mat, options);
    }

    /// <summary>
    /// The first half of <see cref="Write(Mat, HeifGridOptions?)"/>: splits the picture into tiles of
    /// <see cref="HeifGridOptions.TileSize"/> and has heif-enc encode each at <see cref="HeifGridOptions.Quality"/>.
    /// The same tiles can then be assembled with different picture-level properties.
    /// </summary>
    public static EncodedGrid EncodeTiles(Mat bgr, HeifGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(options);
        if (bgr.Type() != MatType.CV_8UC3) throw new ArgumentException("Expected 8-bit BGR pixels.", nameof(bgr));
        var size = options.TileSize;
        if (size < 64 || size % 8 != 0) throw new ArgumentOutOfRangeException(nameof(options), "Tile size must be a multiple of 8, at least 64.");
        var columns = (bgr.Width + size - 1) / size;
        var rows = (bgr.Height + size - 1) / size;

        var tool = HeifEncTool.Locate() ?? throw new HeifEncMissingException();
        var tiles = new EncodedTile[columns * rows];
        var folder = Directory.CreateTempSubdirectory("pt-heif-grid-");
        try
        {
            Parallel.For(0, tiles.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelEncoders }, i =>
            {
                var (x, y) = (i % columns * size, i / columns * size);
                var png = Path.Combine(folder.FullName, $"tile-{i}.png");
                var heic = Path.Combine(folder.FullName, $"tile-{i}.heic");
                using (var tile = PaddedTile(bgr, x, y, size))
                {
                    // PNG keeps the tile lossless before HEVC; fast deflate, it is deleted straight away.
                    File.WriteAllBytes(png, tile.ImEncode(".png", new ImageEncodingParam(ImwriteFlags.PngCompression, 1)));
                }
                HeifEncTool.Encode(tool, png, heic, options.Quality);
                var encoded = EncodedTile.Read(File.ReadAllBytes(heic));
                if (encoded.Width != size || encoded.Height != size)
                    throw new InvalidOperationException($"heif-enc wrote a {encoded.Width} × {encoded.Height} tile for a {size} × {size} input.");
                tiles[i] = encoded;
                File.Delete(png);
                File.Delete(heic);
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        return new EncodedGrid(tiles, columns, rows, bgr.Width, bgr.Height);
    }

    /// <summary>
    /// The second half: one grid file from encoded tiles (row-major, all of one size) and the picture-level
    /// properties in <paramref name="options"/> (its tile size and quality are not used here).
    /// </summary>
    public static byte[] Assemble(EncodedGrid grid, HeifGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RotationDegrees is not (0 or 90 or 180 or 270))
            throw new ArgumentOutOfRangeException(nameof(options), "Rotation must be 0, 90, 180 or 270 degrees.");
        var (tiles, columns, rows, width, height) = grid;
        if (tiles.Count != columns * rows) throw new ArgumentException($"Expected {columns} × {rows} tiles, got {tiles.Count}.", nameof(grid));
        if (columns is < 1 or > 256 || rows is < 1 or > 256) throw new ArgumentException("A grid has 1 to 256 rows and columns.", nameof(grid));
        var (tileWidth, tileHeight) = (tiles[0].Width, tiles[0].Height);
        if (tiles.Any(t => t.Width != tileWidth || t.Height != tileHeight))
            throw new ArgumentException("All tiles of a grid must have one size.", nameof(grid));
        // Tiles may overhang the output on the right and bottom (the grid crops them), but must cover it.
        if (tileWidth * columns < width || tileWidth * (columns - 1) >= width || tileHeight * rows < height || tileHeight * (rows - 1) >= height)
            throw new ArgumentException($"{columns} × {rows} tiles of {tileWidth} × {tileHeight} do not fit {width} × {height}.", nameof(grid));

        var ftyp = BoxPayload.Box("ftyp", new BoxPayload().Type("heic").U32(0).Type("mif1").Type("heic").ToArray());

        // The item offsets in 'iloc' depend on the size of 'meta', which does not depend on the offsets (all
        // fields are fixed-width): build it once to measure, then again with the real offsets.
        var sized = Meta(tiles, columns, rows, width, height, options, mdatPayloadStart: 0);
        var mdatPayloadStart = ftyp.Length + sized.Length + 8;
        var meta = Meta(tiles, columns, rows, width, height, options, mdatPayloadStart);
        if (meta.Length != sized.Length) throw new InvalidOperationException("The 'meta' box changed size with its offsets.");

        var payload = tiles.Select(t => t.Data).ToList();
        if (ExifPayload(options) is { } exif) payload.Add(exif); // in the order 'iloc' gives
        return [.. ftyp, .. meta, .. BoxPayload.Box("mdat", [.. payload])];
    }

    /// <summary>The tile at (x, y); at the right and bottom edges the missing part repeats the last column/row.</summary>
    private static Mat PaddedTile(Mat bgr, int x, int y, int size)
    {
        var rect = new Rect(x, y, Math.Min(size, bgr.Width - x), Math.Min(size, bgr.Height - y));
        using var inside = new Mat(bgr, rect);
        var tile = new Mat();
        Cv2.CopyMakeBorder(inside, tile, 0, size - rect.Height, 0, size - rect.Width, BorderTypes.Replicate);
        return tile;
    }

    private static byte[] Meta(IReadOnlyList<EncodedTile> tiles, int columns, int rows, int width, int height,
        HeifGridOptions options, long mdatPayloadStart)
    {
        var tileIds = Enumerable.Range(GridId + 1, tiles.Count).ToList();
        var exif = ExifPayload(options);
        var exifId = exif is null ? (int?)null : GridId + tiles.Count + 1;
        var itemCount = 1 + tiles.Count + (exif is null ? 0 : 1);
        if (itemCount > ushort.MaxValue) throw new ArgumentException("Too many tiles for 16-bit item ids.");

        var hdlr = BoxPayload.FullBox("hdlr", 0, 0, new BoxPayload()
            .U32(0).Type("pict").U32(0).U32(0).U32(0).String("").ToArray());
        var pitm = BoxPayload.FullBox("pitm", 0, 0, new BoxPayload().U16(GridId).ToArray());

        // Items: the grid, its tiles (hidden: they are not pictures on their own), the Exif block.
        var infes = new List<byte[]> { Infe(GridId, "grid", hidden: false) };
        infes.AddRange(tileIds.Select(id => Infe(id, "hvc1", hidden: true)));
        if (exifId is { } e1) infes.Add(Infe(e1, "Exif", hidden: false));
        var iinf = BoxPayload.FullBox("iinf", 0, 0, [new BoxPayload().U16(infes.Count).ToArray(), .. infes]);

        // 'dimg': the grid is derived from its tiles, listed row by row. 'cdsc': the Exif describes the grid.
        var dimg = new BoxPayload().U16(GridId).U16(tileIds.Count);
        foreach (var id in tileIds) dimg.U16(id);
        var references = new List<byte[]> { BoxPayload.Box("dimg", dimg.ToArray()) };
        if (exifId is { } e2) references.Add(BoxPayload.Box("cdsc", new BoxPayload().U16(e2).U16(1).U16(GridId).ToArray()));
        var iref = BoxPayload.FullBox("iref", 0, 0, [.. references]);

        var iprp = BoxPayload.Box("iprp", ItemProperties(tiles, tileIds, width, height, options));

        var grid = GridDescriptor(columns, rows, width, height);
        var idat = BoxPayload.Box("idat", grid);

        // 'iloc' version 1, 4-byte offsets and lengths, no base offset or index. The grid descriptor is read from
        // 'idat' (construction method 1, offset within idat); tiles and Exif from 'mdat' (method 0, file offset).
        var iloc = new BoxPayload().U8(0x44).U8(0x00).U16(itemCount);
        void Location(int id, int constructionMethod, long offset, int length) =>
            iloc.U16(id).U16(constructionMethod).U16(0).U16(1).U32(offset).U32(length);
        Location(GridId, 1, 0, grid.Length);
        var at = mdatPayloadStart;
        for (var i = 0; i < tiles.Count; i++)
        {
            Location(tileIds[i], 0, at, tiles[i].Data.Length);
            at += tiles[i].Data.Length;
        }
        if (exifId is { } e3) Location(e3, 0, at, exif!.Length);

        return BoxPayload.FullBox("meta", 0, 0,
            hdlr, pitm, BoxPayload.FullBox("iloc", 1, 0, iloc.ToArray()), iinf, iref, iprp, idat);
    }

    /// <summary>'infe' version 2: id, no protection, type, empty name; flags bit 0 marks a hidden item.</summary>
    private static byte[] Infe(int id, string type, bool hidden) =>
        BoxPayload.FullBox("infe", 2, hidden ? 1 : 0, new BoxPayload().U16(id).U16(0).Type(type).String("").ToArray());

    /// <summary>
    /// 'ipco' with each distinct property once (byte-identical 'hvcC' boxes are shared), and 'ipma'. As libheif
    /// writes them, 'hvcC' and 'irot' are essential (a reader that cannot apply them must not show the image) and
    /// 'ispe', 'pixi' and 'colr' are not.
    /// </summary>
    private static byte[] ItemProperties(IReadOnlyList<EncodedTile> tiles, List<int> tileIds, int width, int height, HeifGridOptions options)
    {
        var properties = new List<byte[]>();
        int Index(byte[] box)
        {
            var found = properties.FindIndex(p => p.AsSpan().SequenceEqual(box));
            if (found >= 0) return found + 1;
            properties.Add(box);
            return properties.Count;
        }

        var associations = new List<(int Item, List<(int Index, bool Essential)> Properties)>();

        var gridProperties = new List<(int, bool)> { (Index(Ispe(width, height)), false) };
        if (tiles[0].Pixi is { } gridPixi) gridProperties.Add((Index(gridPixi), false));
        if (options.IccProfile is { } icc)
            gridProperties.Add((Index(BoxPayload.Box("colr", new BoxPayload().Type("prof").Bytes(icc).ToArray())), false));
        // Transformative properties come after the descriptive ones, as the spec orders them.
        if (options.RotationDegrees != 0)
            gridProperties.Add((Index(BoxPayload.Box("irot", [(byte)(options.RotationDegrees / 90)])), true));
        associations.Add((GridId, gridProperties));

        for (var i = 0; i < tiles.Count; i++)
        {
            var tile = tiles[i];
            var tileProperties = new List<(int, bool)> { (Index(tile.HvcC), true), (Index(Ispe(tile.Width, tile.Height)), false) };
            if (tile.Pixi is { } pixi) tileProperties.Add((Index(pixi), false));
            // A 'colr' heif-enc put on the tile (nclx: how its YCbCr maps to RGB) stays with the tile.
            if (tile.Colr is { } colr) tileProperties.Add((Index(colr), false));
            associations.Add((tileIds[i], tileProperties));
        }

        var wideIndices = properties.Count > 127;
        var ipma = new BoxPayload().U32(associations.Count);
        foreach (var (item, itemProperties) in associations)
        {
            ipma.U16(item).U8(itemProperties.Count);
            foreach (var (index, essential) in itemProperties)
            {
                if (wideIndices) ipma.U16((essential ? 0x8000 : 0) | index);
                else ipma.U8((essential ? 0x80 : 0) | index);
            }
        }

        return [.. BoxPayload.Box("ipco", [.. properties]), .. BoxPayload.FullBox("ipma", 0, wideIndices ? 1 : 0, ipma.ToArray())];
    }

    private static byte[] Ispe(int width, int height) =>
        BoxPayload.FullBox("ispe", 0, 0, new BoxPayload().U32(width).U32(height).ToArray());

    /// <summary>The grid item's data: version 0, flags (bit 0: 32-bit sizes), rows − 1, columns − 1, output size.</summary>
    private static byte[] GridDescriptor(int columns, int rows, int width, int height)
    {
        var wide = width > ushort.MaxValue || height > ushort.MaxValue;
        var grid = new BoxPayload().U8(0).U8(wide ? 1 : 0).U8(rows - 1).U8(columns - 1);
        return (wide ? grid.U32(width).U32(height) : grid.U16(width).U16(height)).ToArray();
    }

    /// <summary>
    /// The Exif item's payload: a 4-byte count of the bytes between that field and the TIFF header ("MM"/"II"),
    /// then the block. With an "Exif\0\0" lead the count is 6, as in iPhone files.
    /// </summary>
    private static byte[]? ExifPayload(HeifGridOptions options)
    {
        if (options.Exif is not { } exif) return null;
        var offset = exif.AsSpan().StartsWith("Exif\0\0"u8) ? 6 : 0;
        var tiff = Encoding.ASCII.GetString(exif, offset, Math.Min(2, exif.Length - offset));
        if (tiff is not ("MM" or "II")) throw new ArgumentException("The Exif block does not start with a TIFF header.", nameof(options));
        return [.. new BoxPayload().U32(offset).ToArray(), .. exif];
    }
}
