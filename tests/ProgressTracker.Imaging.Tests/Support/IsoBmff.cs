using System.Buffers.Binary;
using System.Text;

using ProgressTracker.Imaging.Evaluation.Heif;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>
/// Just enough of the ISO base media file format (HEIC, AVIF) to find boxes and to add an item property such
/// as <c>irot</c>, the way a phone stores its rotation: the property goes into <c>ipco</c>, is associated with
/// the item in <c>ipma</c>, and every enclosing size and every <c>iloc</c> offset behind it is adjusted.
/// </summary>
internal static class IsoBmff
{
    /// <summary>A box: <see cref="Start"/> is where its size field is, <see cref="Body"/> where its payload begins.</summary>
    public readonly record struct Box(string Type, int Start, int Size, int Body)
    {
        public int End => Start + Size;
    }

    // Full boxes carry version + flags before their children.
    private static readonly Dictionary<string, int> ContainerHeader = new()
    {
        ["meta"] = 4, ["iprp"] = 0, ["ipco"] = 0, ["dinf"] = 0,
    };

    public static List<Box> Children(byte[] file, int start, int end)
    {
        var boxes = new List<Box>();
        var at = start;
        while (at + 8 <= end)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var header = 8;
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - at;
            }
            if (size < header || at + size > end) throw new InvalidDataException($"Box at {at} overruns its parent.");
            boxes.Add(new Box(Encoding.ASCII.GetString(file, at + 4, 4), at, (int)size, at + header));
            at += (int)size;
        }
        return boxes;
    }

    /// <summary>Follows a path of box types from the top level, e.g. ("meta", "iprp", "ipco").</summary>
    public static Box Find(byte[] file, params string[] path)
    {
        int start = 0, end = file.Length;
        Box? found = null;
        foreach (var type in path)
        {
            var box = Children(file, start, end).FirstOrDefault(b => b.Type == type);
            if (box.Type != type) throw new InvalidDataException($"No '{type}' box in {string.Join('/', path)}.");
            found = box;
            start = box.Body + ContainerHeader.GetValueOrDefault(type);
            end = box.End;
        }
        return found!.Value;
    }

    public static bool Contains(byte[] file, params string[] path)
    {
        try
        {
            Find(file, path);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The (1-based) property indices associated with an item in <c>ipma</c>, in order.</summary>
    public static List<int> PropertyIndices(byte[] file, int itemId)
    {
        var ipma = Find(file, "meta", "iprp", "ipma");
        foreach (var entry in IpmaEntries(file, ipma))
        {
            if (entry.ItemId == itemId) return entry.Properties;
        }
        throw new InvalidDataException($"Item {itemId} has no ipma entry.");
    }

    /// <summary>The property boxes in <c>ipco</c>, in index order (index 1 is the first).</summary>
    public static List<Box> Properties(byte[] file)
    {
        var ipco = Find(file, "meta", "iprp", "ipco");
        return Children(file, ipco.Body, ipco.End);
    }

    /// <summary>The primary item's id from <c>pitm</c>.</summary>
    public static int PrimaryItem(byte[] file)
    {
        var pitm = Find(file, "meta", "pitm");
        return file[pitm.Body] == 0 ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(pitm.Body + 4))
                                    : checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pitm.Body + 4)));
    }

    /// <summary>'irot': the decoder turns the image anticlockwise by <paramref name="quarterTurns"/> × 90°.</summary>
    public static byte[] Irot(int quarterTurns) => PropertyBox("irot", [(byte)(quarterTurns & 3)]);

    public static byte[] PropertyBox(string type, byte[] payload)
    {
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        payload.CopyTo(box, 8);
        return box;
    }

    /// <summary>Appends <paramref name="property"/> to <c>ipco</c> and associates it (essential) with the item.</summary>
    public static byte[] AddItemProperty(byte[] file, int itemId, byte[] property)
    {
        var meta = Find(file, "meta");
        var iprp = Find(file, "meta", "iprp");
        var ipco = Find(file, "meta", "iprp", "ipco");
        var ipma = Find(file, "meta", "iprp", "ipma");
        if (ipma.Start < ipco.End) throw new InvalidDataException("Expected ipma after ipco.");
        var newIndex = Children(file, ipco.Body, ipco.End).Count + 1;

        var ipmaFlags = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(ipma.Body)) & 0xFFFFFF;
        var wideIndex = (ipmaFlags & 1) != 0;
        if (!wideIndex && newIndex > 127) throw new InvalidDataException("Too many properties for 7-bit ipma indices.");
        var association = wideIndex ? [(byte)(0x80 | (newIndex >> 8)), (byte)newIndex] : new[] { (byte)(0x80 | newIndex) };

        var entry = IpmaEntries(file, ipma).First(e => e.ItemId == itemId);
        var growth = property.Length + association.Length;

        // Offsets of bytes after the insertion points move; everything before ipco's end stays put.
        var output = new List<byte>(file.Length + growth);
        output.AddRange(file.AsSpan(0, ipco.End).ToArray());
        output.AddRange(property);
        output.AddRange(file.AsSpan(ipco.End, entry.AssociationsEnd - ipco.End).ToArray());
        output.AddRange(association);
        output.AddRange(file.AsSpan(entry.AssociationsEnd).ToArray());
        var patched = output.ToArray();

        patched[entry.CountOffset + property.Length]++; // association_count (offset shifted by the property)
        if (patched[entry.CountOffset + property.Length] == 0) throw new InvalidDataException("Too many associations.");
        AddToSize(patched, meta.Start, growth);
        AddToSize(patched, iprp.Start, growth);
        AddToSize(patched, ipco.Start, property.Length);
        AddToSize(patched, ipma.Start + property.Length, association.Length);
        ShiftIlocOffsets(patched, insertedAt: ipco.End, growth);
        return patched;
    }

    private readonly record struct IpmaEntry(int ItemId, int CountOffset, int AssociationsEnd, List<int> Properties);

    private static List<IpmaEntry> IpmaEntries(byte[] file, Box ipma)
    {
        var version = file[ipma.Body];
        var wideIndex = (BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(ipma.Body)) & 1) != 0;
        var at = ipma.Body + 4;
        var count = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
        at += 4;
        var entries = new List<IpmaEntry>();
        for (var i = 0; i < count; i++)
        {
            int itemId;
            if (version < 1)
            {
                itemId = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at));
                at += 2;
            }
            else
            {
                itemId = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)));
                at += 4;
            }
            var countOffset = at;
            var associations = file[at++];
            var properties = new List<int>();
            for (var a = 0; a < associations; a++)
            {
                if (wideIndex)
                {
                    properties.Add(BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at)) & 0x7FFF);
                    at += 2;
                }
                else
                {
                    properties.Add(file[at++] & 0x7F);
                }
            }
            entries.Add(new IpmaEntry(itemId, countOffset, at, properties));
        }
        return entries;
    }

    private static void AddToSize(byte[] file, int boxStart, int growth)
    {
        var size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(boxStart));
        if (size is 0 or 1) throw new InvalidDataException("Only 32-bit box sizes are supported.");
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(boxStart), checked(size + (uint)growth));
    }

    /// <summary>Moves every file offset in <c>iloc</c> that points at or behind the insertion point.</summary>
    private static void ShiftIlocOffsets(byte[] file, int insertedAt, int growth)
    {
        var iloc = Find(file, "meta", "iloc");
        if (iloc.Start >= insertedAt) throw new InvalidDataException("Expected iloc before the insertion point.");
        foreach (var entry in IlocTable.Read(file, iloc.Body).Where(e => e.ConstructionMethod == 0))
        {
            // With a base offset the extents are relative to it; shifting the base shifts them all.
            if (entry.BaseOffsetSize > 0 && entry.BaseOffset >= insertedAt)
            {
                IlocTable.WriteOffset(file, entry.BaseOffsetAt, entry.BaseOffsetSize, entry.BaseOffset + growth);
                continue;
            }
            foreach (var extent in entry.Extents.Where(x => entry.BaseOffset + x.Offset >= insertedAt))
                IlocTable.WriteOffset(file, extent.OffsetAt, extent.OffsetSize, extent.Offset + growth);
        }
    }
}
