#!/usr/bin/env python3
"""corrupt-lib.py FILE [DIR]: write malformed copies of the FDPIC shared
library (or dynamically linked executable) FILE, such as libvictim.so of
victim.c, which has R_RISCV_RELATIVE, R_RISCV_FUNCDESC and PLT
relocations, for the runtime suite's "Malformed libraries" tests.  Each
copy is DIR/KIND/basename(FILE), DIR being bad-lib by default; the kinds
are the first arguments of write() below.  The dynamic linker must refuse
each one with a message naming the file, and neither crash, hang nor
write outside the module."""
import os
import struct
import sys

DT_NULL, DT_PLTGOT, DT_HASH, DT_RELA, DT_RELASZ, DT_SYMENT = 0, 3, 4, 7, 8, 11
DT_TEXTREL, DT_RELACOUNT = 22, 0x6ffffff9
R_RISCV_RELATIVE, R_RISCV_COPY = 3, 4

src = sys.argv[1]
data = open(src, 'rb').read()
phoff, = struct.unpack_from('<Q', data, 0x20)
phnum, = struct.unpack_from('<H', data, 0x38)
phdrs = [struct.unpack_from('<IIQQQQQQ', data, phoff + 56 * i)
         for i in range(phnum)]
# (p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align)
loads = [p for p in phdrs if p[0] == 1]
text = [p for p in loads if not p[1] & 2][0]
rw = [p for p in loads if p[1] & 2][0]
dyn = [p for p in phdrs if p[0] == 2][0]


def off(vaddr):
    """File offset of link-time address VADDR."""
    for p in loads:
        if p[3] <= vaddr < p[3] + p[5]:
            return p[2] + vaddr - p[3]
    raise ValueError(hex(vaddr))


# The dynamic section: (file offset of the entry, tag, value).
dynamic = []
for o in range(dyn[2], dyn[2] + dyn[5], 16):
    tag, val = struct.unpack_from('<qQ', data, o)
    dynamic.append((o, tag, val))
    if tag == DT_NULL:
        break
tags = {tag: (o, val) for o, tag, val in dynamic}
rela = off(tags[DT_RELA][1])
nrela = tags[DT_RELASZ][1] // 24
relocs = [struct.unpack_from('<QQq', data, rela + 24 * i) for i in range(nrela)]
first_relative = [i for i, r in enumerate(relocs) if r[1] & 0xffffffff == R_RISCV_RELATIVE][0]
first_symbolic = [i for i, r in enumerate(relocs) if r[1] >> 32][0]


outdir = sys.argv[2] if len(sys.argv) > 2 else 'bad-lib'


def write(kind, b):
    os.makedirs(os.path.join(outdir, kind), exist_ok=True)
    name = os.path.join(outdir, kind, os.path.basename(src))
    with open(name, 'wb') as f:
        f.write(b)
    os.chmod(name, 0o755)


def with_reloc_offset(kind, r_offset):
    b = bytearray(data)
    struct.pack_into('<Q', b, rela + 24 * first_relative, r_offset)
    write(kind, b)


def with_tag(kind, old, new_tag, new_val=None):
    b = bytearray(data)
    o, val = tags[old]
    struct.pack_into('<qQ', b, o, new_tag, val if new_val is None else new_val)
    write(kind, b)


# A relocation whose place is not an address of the library: address
# translation gives -1.
with_reloc_offset('reloc-outside', 0x7fff0000)
# A relocation exactly at the end of the data segment (an address that
# translation accepts, as one past the end), and one whose word
# straddles the end.
with_reloc_offset('reloc-end', rw[3] + rw[6])
with_reloc_offset('reloc-straddle', rw[3] + rw[6] - 4)
# A relocation into the text segment (shared by every process).
with_reloc_offset('reloc-text', text[3] + 0x10)
# DT_TEXTREL (in place of DT_SYMENT, which ld.so does not use).
with_tag('textrel', DT_SYMENT, DT_TEXTREL, 0)
# No DT_PLTGOT (its entry becomes a second DT_SYMENT).
with_tag('no-pltgot', DT_PLTGOT, DT_SYMENT, 24)
# DT_RELACOUNT far larger than DT_RELASZ allows.
with_tag('relacount', DT_RELACOUNT, DT_RELACOUNT, 0x1000000)
# Every chain of the hash table loops on its first symbol.
b = bytearray(data)
h = off(tags[DT_HASH][1])
nbucket, nchain = struct.unpack_from('<II', data, h)
for k in range(1, nchain):
    struct.pack_into('<I', b, h + 8 + 4 * nbucket + 4 * k, k)
write('hash-loop', b)
# A relocation type that FDPIC does not use (R_RISCV_COPY), after the
# relative relocations that DT_RELACOUNT covers.
b = bytearray(data)
r_info = relocs[first_symbolic][1]
struct.pack_into('<Q', b, rela + 24 * first_symbolic + 8,
                 (r_info & ~0xffffffff) | R_RISCV_COPY)
write('reloc-type', b)
# ELFCLASS32, big-endian.
b = bytearray(data)
b[4] = 1
write('class32', b)
b = bytearray(data)
b[5] = 2
write('big-endian', b)
# A later version of the FDPIC ABI's numbering (EI_ABIVERSION).
b = bytearray(data)
b[8] = data[8] + 1
write('abiversion', b)
# Truncated in the data segment.
write('truncated', data[:rw[2] + rw[5] // 2])
# The text segment claims more of the file than there is (the tail
# would be zero-filled without an MMU).
b = bytearray(data)
ti = phdrs.index(text)
grow = len(data) - text[2] - text[5] + 0x1000
struct.pack_into('<QQ', b, phoff + 56 * ti + 32, text[5] + grow, text[6] + grow)
write('text-past-eof', b)
