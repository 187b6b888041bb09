using System.Buffers.Binary;

namespace ProgressTracker.Imaging.Evaluation.Heif;

/// <summary>
/// What one heif-enc output contributes to a grid: the primary image's decoder configuration ('hvcC' box),
/// its coded data (length-prefixed HEVC NAL units), its size from 'ispe', and the optional 'pixi' and 'colr'
/// boxes heif-enc associated with it. The boxes are kept whole, header included, to be copied as they are.
/// </summary>
public sealed record EncodedTile(byte[] HvcC, byte[] Data, int Width, int Height, byte[]? Pixi, byte[]? Colr)
{
    /// <summary>Reads a single-image HEIF file such as heif-enc writes.</summary>
    public static EncodedTile Read(byte[] file)
    {
        var meta = IsoBox.Single(IsoBox.Children(file, 0, file.Length), "meta");
        var metaChildren = IsoBox.Children(file, meta.Body + 4, meta.End); // 'meta' is a full box
        var primary = PrimaryItem(file, IsoBox.Single(metaChildren, "pitm"));

        var iprp = IsoBox.Single(metaChildren, "iprp");
        var iprpChildren = IsoBox.Children(file, iprp.Body, iprp.End);
        var ipco = IsoBox.Single(iprpChildren, "ipco");
        var properties = IsoBox.Children(file, ipco.Body, ipco.End);
        var associated = AssociatedProperties(file, IsoBox.Single(iprpChildren, "ipma"), primary)
            .Select(index => index >= 1 && index <= properties.Count
                ? properties[index - 1]
                : throw new InvalidDataException($"ipma names property {index}, but ipco has {properties.Count}."))
            .ToList();

        IsoBox? Find(string type) => associated.Where(p => p.Type == type).Select(p => (IsoBox?)p).FirstOrDefault();
        var hvcC = Find("hvcC") ?? throw new InvalidDataException("The primary item has no 'hvcC'; not an HEVC image.");
        var ispe = Find("ispe") ?? throw new InvalidDataException("The primary item has no 'ispe'.");
        var width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(ispe.Body + 4)));
        var height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(ispe.Body + 8)));

        var data = ItemData(file, IsoBox.Single(metaChildren, "iloc"), primary);
        return new EncodedTile(hvcC.Bytes(file), data, width, height, Find("pixi")?.Bytes(file), Find("colr")?.Bytes(file));
    }

    private static uint PrimaryItem(byte[] file, IsoBox pitm) => file[pitm.Body] == 0
        ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(pitm.Body + 4))
        : BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pitm.Body + 4));

    /// <summary>The 1-based 'ipco' indices that 'ipma' associates with the item, in order.</summary>
    private static List<int> AssociatedProperties(byte[] file, IsoBox ipma, uint itemId)
    {
        var version = file[ipma.Body];
        var wideIndices = (file[ipma.Body + 3] & 1) != 0;
        var at = ipma.Body + 4;
        var entries = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
        at += 4;
        for (var e = 0; e < entries; e++)
        {
            uint id;
            if (version < 1)
            {
                id = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at));
                at += 2;
            }
            else
            {
                id = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
                at += 4;
            }
            var count = file[at++];
            var indices = new List<int>();
            for (var a = 0; a < count; a++)
            {
                if (wideIndices)
                {
                    indices.Add(BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at)) & 0x7FFF);
                    at += 2;
                }
                else
                {
                    indices.Add(file[at++] & 0x7F); // the top bit is the 'essential' flag
                }
            }
            if (id == itemId) return indices;
        }
        throw new InvalidDataException($"Item {itemId} has no 'ipma' entry.");
    }

    /// <summary>The item's bytes from its 'iloc' extents (iloc versions 0–2; data in this file only).</summary>
    private static byte[] ItemData(byte[] file, IsoBox iloc, uint itemId)
    {
        var entry = IlocTable.Read(file, iloc.Body).FirstOrDefault(e => e.ItemId == itemId)
                    ?? throw new InvalidDataException($"Item {itemId} has no 'iloc' entry.");
        if (!entry.InFile)
            throw new InvalidDataException($"Item {itemId} is not stored in this file's mdat (construction method {entry.ConstructionMethod}).");
        var data = new MemoryStream();
        foreach (var extent in entry.Extents)
        {
            var offset = entry.BaseOffset + extent.Offset;
            var length = extent.Length == 0 ? file.Length - offset : extent.Length; // 0: "the whole rest of the file"
            if (offset < 0 || offset + length > file.Length) throw new InvalidDataException("An iloc extent lies outside the file.");
            data.Write(file, checked((int)offset), checked((int)length));
        }
        return data.ToArray();
    }
}

/// <summary>
/// A picture's tiles, row by row (<paramref name="Columns"/> × <paramref name="Rows"/>), and the output size the
/// grid crops them to.
/// </summary>
public sealed record EncodedGrid(IReadOnlyList<EncodedTile> Tiles, int Columns, int Rows, int Width, int Height);
