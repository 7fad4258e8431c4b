using System.Buffers.Binary;

namespace EmotionNet.Packaging.Tests;

/// <summary>What a file of a package is, read from its first bytes: the checks `file` makes, without needing it.</summary>
public enum BinaryFormat
{
    /// <summary>None of the formats below (text, JSON, a resource).</summary>
    Other,
    /// <summary>A .NET assembly (a PE file with a CLR header), the same on every platform.</summary>
    Managed,
    /// <summary>Linux: ELF, 64-bit, x86-64.</summary>
    ElfX64,
    /// <summary>Windows: PE32+ for x64 without a CLR header.</summary>
    PeX64,
    /// <summary>macOS: 64-bit Mach-O for arm64, or a universal binary (SkiaSharp's hold arm64 and x86_64).</summary>
    MachOArm64,
    /// <summary>A native binary of any other kind (another architecture).</summary>
    ForeignNative,
}

internal static class BinaryFormats
{
    /// <summary>The format of a file that starts with <paramref name="head"/> (its first 4 KB or more).</summary>
    public static BinaryFormat Of(ReadOnlySpan<byte> head)
    {
        if (head.Length < 64) return BinaryFormat.Other;
        // ELF: 7F 'E' 'L' 'F', class 2 (64-bit) at 4, e_machine at 18 (62 = x86-64).
        if (head[0] == 0x7F && head[1..4].SequenceEqual("ELF"u8))
            return head[4] == 2 && BinaryPrimitives.ReadUInt16LittleEndian(head[18..]) == 62 ? BinaryFormat.ElfX64 : BinaryFormat.ForeignNative;
        // Mach-O 64 (CF FA ED FE) with cputype ARM64 (0x0100000C); CA FE BA BE is a universal (fat) binary.
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(head);
        if (magic == 0xFEEDFACF) return BinaryPrimitives.ReadUInt32LittleEndian(head[4..]) == 0x0100000C ? BinaryFormat.MachOArm64 : BinaryFormat.ForeignNative;
        if (magic == 0xBEBAFECA) return BinaryFormat.MachOArm64;
        // PE: "MZ", the PE header at e_lfanew, machine, optional header magic, and the CLR header directory (15th).
        if (head[0] != (byte)'M' || head[1] != (byte)'Z') return BinaryFormat.Other;
        var pe = BinaryPrimitives.ReadInt32LittleEndian(head[0x3C..]);
        if (pe < 0 || pe + 24 + 240 > head.Length || !head.Slice(pe, 4).SequenceEqual("PE\0\0"u8)) return BinaryFormat.Other;
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(head[(pe + 4)..]);
        var optional = pe + 24;
        var directories = BinaryPrimitives.ReadUInt16LittleEndian(head[optional..]) == 0x20B ? optional + 112 : optional + 96;
        var clrHeader = BinaryPrimitives.ReadUInt32LittleEndian(head[(directories + 14 * 8)..]);
        if (clrHeader != 0) return BinaryFormat.Managed;
        return machine == 0x8664 ? BinaryFormat.PeX64 : BinaryFormat.ForeignNative;
    }
}
