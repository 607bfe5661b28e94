#!/usr/bin/env python3
"""romfs.py: list or check a romfs image (genromfs) for execute in place.

  romfs.py list IMAGE    print each regular file's data offset, size, path
  romfs.py check IMAGE   fail unless every ELF file's data starts on a page
                         boundary of the image, except under /misaligned,
                         where every file must not (the bad-input fixtures
                         of make check-nommu's flash boot)

Without an MMU the kernel maps a romfs file's text in place only when the
flash address of the data is page aligned (kernel-binfmt-elf-fdpic 0012);
anything else is copied into RAM.  genromfs places file data in the order
the host's readdir() returns, so the layout is checked, not assumed.

romfs layout (Documentation/filesystems/romfs.rst): a 16-byte superblock
head ("-rom1fs-", size, checksum) and the volume name padded to 16 bytes;
then file headers, each: next header (its low 4 bits: type 0-7, bit 3
executable), spec.info (a directory's first entry), size, checksum, the
name padded to 16 bytes, the data.  All big-endian.
"""
import struct
import sys

PAGE = 4096


def padded_name(img, off):
    end = img.index(b'\0', off)
    return img[off:end].decode('latin-1'), (end + 1 - off + 15) & ~15


def files(img):
    """(path, type, data offset, size) of every entry, depth first."""
    if img[:8] != b'-rom1fs-':
        sys.exit('romfs.py: not a romfs image')
    _name, nlen = padded_name(img, 16)
    out = []

    def walk(first, parent, seen):
        off = first
        while off:
            if off in seen or off + 16 > len(img):
                sys.exit('romfs.py: bad header chain at %#x' % off)
            seen.add(off)
            nxt, spec, size, _sum = struct.unpack_from('>IIII', img, off)
            name, nlen = padded_name(img, off + 16)
            kind = nxt & 7
            data = off + 16 + nlen
            if name not in ('.', '..'):
                path = parent + '/' + name
                out.append((path, kind, data, size))
                if kind == 1:
                    walk(spec & ~15, path, seen)
            off = nxt & ~15

    walk(16 + nlen, '', set())
    return out


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('list', 'check'):
        sys.exit(__doc__)
    img = open(sys.argv[2], 'rb').read()
    bad = []
    for path, kind, data, size in files(img):
        if kind != 2:
            continue
        if sys.argv[1] == 'list':
            print('%#10x %9d %s' % (data, size, path))
            continue
        is_elf = img[data:data + 4] == b'\x7fELF'
        aligned = data % PAGE == 0
        if path.startswith('/misaligned/'):
            if aligned:
                bad.append('%s: data at %#x is page aligned (a fixture that must not be)' % (path, data))
        elif is_elf and not aligned:
            bad.append('%s: data at %#x is not page aligned' % (path, data))
    for b in bad:
        print('romfs.py: %s: %s' % (sys.argv[2], b), file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
