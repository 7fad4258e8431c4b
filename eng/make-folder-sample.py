#!/usr/bin/env python3
"""Writes a small labelled image folder from FER2013 rows, for trying `emotionnet evaluate --data FOLDER`.

    python3 eng/make-folder-sample.py ../shared/datasets/fer2013/fer2013.csv.gz /tmp/fer-folder [PER_CLASS]

The first PER_CLASS (default 50) PrivateTest rows of each class become 48x48 grey PNGs under class
folders named with synonyms (anger, disgusted, scared, happiness, sadness, surprised, neutral), and
the next 20 PrivateTest Neutral rows go to a `contempt` folder, which is no FER2013 class and must be
reported as skipped. Standard library only (PNG written with zlib), so no imaging package is needed.
"""
import csv, gzip, os, struct, sys, zlib

FOLDERS = ["anger", "disgusted", "scared", "happiness", "sadness", "surprised", "neutral"]  # FER2013 labels 0-6
CONTEMPT = 20


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(pixels[y * 48:(y + 1) * 48]) for y in range(48))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 48, 48, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    source, out = sys.argv[1], sys.argv[2]
    per_class = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    opener = gzip.open if open(source, "rb").read(2) == b"\x1f\x8b" else open
    counts = [0] * 7
    contempt = 0
    with opener(source, "rt", newline="") as f:
        for n, row in enumerate(csv.DictReader(f)):
            if row["Usage"] != "PrivateTest":
                continue
            label = int(row["emotion"])
            if counts[label] < per_class:
                folder, index = FOLDERS[label], counts[label]
                counts[label] += 1
            elif label == 6 and contempt < CONTEMPT:
                folder, index = "contempt", contempt
                contempt += 1
            else:
                continue
            os.makedirs(os.path.join(out, folder), exist_ok=True)
            png(os.path.join(out, folder, f"row{n + 2}.png"), [int(v) for v in row["pixels"].split()])
    print(f"{out}: " + ", ".join(f"{name} {c}" for name, c in zip(FOLDERS, counts)) + f", contempt {contempt}")


if __name__ == "__main__":
    main()
