using System.Buffers.Binary;
using EmotionNet.Core;
using EmotionNet.Reliability.Tests.Support;
using static EmotionNet.Reliability.Tests.Corpus.Expectation;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>Folders of photos (analyze FOLDER): unreadable files among good ones are skipped and listed, a folder with nothing to read is an error.</summary>
internal static class FolderCorpusCases
{
    private const string Good = "images/grey-8bit.png";

    private static CorpusCase Folder(string name, Expectation expect, params (string File, object Content)[] files) =>
        new($"folder/{name} (generated)", "folder", EntryPoint.PhotoFolder, () => BatchCorpusFiles.Folder("folders/" + name, files), expect);

    /// <summary>A PNG whose header declares <paramref name="side"/> x <paramref name="side"/> pixels (a decompression bomb's first 33 bytes).</summary>
    private static byte[] DeclaredPng(int side)
    {
        var png = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), (uint)side);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), (uint)side);
        png[24] = 8;
        png[25] = 2;
        return png;
    }

    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        Folder("good-corrupt-and-notes", Partial("the corrupt photo is skipped and listed, the good one analyzed", "garbage.jpg", "could not be decoded"),
            ("a.png", Good), ("garbage.jpg", "images/garbage.jpg"), ("notes.txt", "hello"u8.ToArray())),
        Folder("good-and-zero-byte", Partial("a 0-byte photo is skipped", "zero-byte.png", "empty file (0 bytes)"), ("a.png", Good), ("zero-byte.png", Array.Empty<byte>())),
        Folder("good-and-truncated", Partial("a cut-off PNG is skipped", "truncated.png", "could not be decoded"), ("a.png", Good), ("truncated.png", "images/truncated.png")),
        Folder("good-and-text-named-jpg", Partial("text named .jpg is skipped", "letter.jpg", "could not be decoded"), ("a.png", Good), ("letter.jpg", "Dear reader,\n"u8.ToArray())),
        Folder("good-and-bomb", Partial("a PNG declaring 30000x30000 is skipped from its header, not decoded", "bomb.png", "declares 30000x30000"),
            ("a.png", Good), ("bomb.png", DeclaredPng(30_000))),
        Folder("good-and-garbage-after-header", Partial("a PNG header followed by garbage is skipped", "bad-body.png", "could not be decoded"),
            ("a.png", Good), ("bad-body.png", DeclaredPng(64))),
        Folder("all-unreadable", NothingRead("every photo is skipped and listed; the CLI says no image could be read", "could be read"),
            ("garbage.jpg", "images/garbage.jpg"), ("zero-byte.png", Array.Empty<byte>())),
        Folder("only-non-images", Error<EmotionNetException>("holds no images"), ("notes.txt", "hello"u8.ToArray()), ("data.csv", "a,b\n"u8.ToArray())),
        Folder("nested-only", Error<EmotionNetException>("holds no images"), ("day1/a.png", Good), ("day2/b.png", "images/rgba.png")),
        Folder("nested-below-photos", Ok("subfolders are not read: a corrupt photo below is ignored"), ("a.png", Good), ("old/garbage.jpg", "images/garbage.jpg")),
        Folder("folder-named-like-a-photo", Ok("a subfolder named x.png is not a photo"), ("a.png", Good), ("x.png/inside.txt", "x"u8.ToArray())),
        Folder("upper-case-extensions", Ok("PHOTO.PNG and B.JPG are photos"), ("PHOTO.PNG", Good), ("B.PNG", "images/rgba.png")),
        Folder("unicode-names", Ok("non-ASCII and spaced file names are read"), ("été 1.png", Good), ("笑顔.png", "images/rgba.png")),
        new("folder/empty (generated)", "folder", EntryPoint.PhotoFolder, () => CorpusFiles.Make("folders/empty", p => Directory.CreateDirectory(p)), Error<EmotionNetException>("holds no images")),
        new("folder/dangling-link (generated)", "folder", EntryPoint.PhotoFolder, () => CorpusFiles.Make("folders/dangling-link", p =>
        {
            Directory.CreateDirectory(p);
            File.Copy(CorpusFiles.Committed(Good), Path.Combine(p, "a.png"));
            File.CreateSymbolicLink(Path.Combine(p, "gone.png"), Path.Combine(p, "deleted.png"));
        }), Partial("a link to a deleted photo is skipped", "gone.png")),
    ];
}
