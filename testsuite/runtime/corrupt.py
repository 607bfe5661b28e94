#!/usr/bin/env python3
"""corrupt.py PROGRAM: write malformed copies of the dynamically linked
FDPIC executable PROGRAM for the runtime and nommu suites: truncated,
EF_RISCV_FDPIC cleared (EF_RISCV_FDPIC_NONCONSTDISP alone), program
headers out of the file, a segment whose file part is past the end, the
second PT_LOAD overlapping the first, both FDPIC flags cleared (a
non-FDPIC program naming the FDPIC dynamic linker), a PT_INTERP of size 0,
the two PT_LOADs in the wrong order, a PT_LOAD that wraps around the
address space, one of 4 GiB or more (the FDPIC load map holds 32 bits),
a later FDPIC ABI version (EI_ABIVERSION);
and one program that is well formed but unusual: robss-core, whose
read-only text segment ends in zero-filled memory (p_memsz > p_filesz)."""
import struct
import sys

data = open(sys.argv[1], 'rb').read()
phoff, = struct.unpack_from('<Q', data, 0x20)
flags, = struct.unpack_from('<I', data, 0x30)
phnum, = struct.unpack_from('<H', data, 0x38)
loads = [phoff + 56 * i for i in range(phnum)
         if struct.unpack_from('<I', data, phoff + 56 * i)[0] == 1]
interp = [phoff + 56 * i for i in range(phnum)
          if struct.unpack_from('<I', data, phoff + 56 * i)[0] == 3]


def write(name, b):
    with open(name, 'wb') as f:
        f.write(b)


write('bad-truncated', data[:len(data) // 3])
b = bytearray(data)
struct.pack_into('<I', b, 0x30, flags & ~0x00800000)       # EF_RISCV_FDPIC
write('bad-noflag', b)
b = bytearray(data)
struct.pack_into('<Q', b, 0x20, 0x7fffffff)                # e_phoff
write('bad-phoff', b)
b = bytearray(data)
struct.pack_into('<Q', b, loads[-1] + 8, 0x10000000)       # p_offset
write('bad-segment', b)
b = bytearray(data)
vaddr0, = struct.unpack_from('<Q', data, loads[0] + 16)
struct.pack_into('<Q', b, loads[1] + 16, vaddr0)            # p_vaddr
write('bad-overlap', b)
b = bytearray(data)
struct.pack_into('<I', b, 0x30, flags & ~0x00c00000)       # both FDPIC bits
write('bad-interp', b)
b = bytearray(data)
struct.pack_into('<Q', b, interp[0] + 32, 0)               # PT_INTERP p_filesz
write('bad-interp0', b)
b = bytearray(data)
b[loads[0]:loads[0] + 56], b[loads[1]:loads[1] + 56] = \
    data[loads[1]:loads[1] + 56], data[loads[0]:loads[0] + 56]
write('bad-order', b)
b = bytearray(data)
struct.pack_into('<Q', b, loads[-1] + 16, 2**64 - 0x1000)    # p_vaddr
struct.pack_into('<Q', b, loads[-1] + 40, 0x2000)           # p_memsz
write('bad-wrap', b)
b = bytearray(data)
struct.pack_into('<Q', b, loads[-1] + 40, 2**32 + 0x1000)   # p_memsz
write('bad-memsz', b)
b = bytearray(data)
b[8] = data[8] + 1                                          # EI_ABIVERSION
write('bad-abiversion', b)
# Text (R+X, not W) with a zero-filled tail; the first PT_LOAD is text.
b = bytearray(data)
pf, = struct.unpack_from('<I', data, loads[0] + 4)
assert not pf & 2, 'first PT_LOAD is writable'
filesz, = struct.unpack_from('<Q', data, loads[0] + 32)
vaddr1, = struct.unpack_from('<Q', data, loads[1] + 16)
memsz = min(filesz + 0x100, vaddr1 - vaddr0)
assert memsz > filesz, 'no room after text'
struct.pack_into('<Q', b, loads[0] + 40, memsz)
write('robss-core', b)
