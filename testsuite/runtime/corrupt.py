#!/usr/bin/env python3
"""corrupt.py PROGRAM: write malformed copies of the dynamically linked
FDPIC executable PROGRAM for the runtime and nommu suites: truncated,
EF_RISCV_FDPIC cleared (EF_RISCV_FDPIC_NONCONSTDISP alone), program
headers out of the file, a segment whose file part is past the end, the
second PT_LOAD overlapping the first, and both FDPIC flags cleared (a
non-FDPIC program naming the FDPIC dynamic linker)."""
import struct
import sys

data = open(sys.argv[1], 'rb').read()
phoff, = struct.unpack_from('<Q', data, 0x20)
flags, = struct.unpack_from('<I', data, 0x30)
phnum, = struct.unpack_from('<H', data, 0x38)
loads = [phoff + 56 * i for i in range(phnum)
         if struct.unpack_from('<I', data, phoff + 56 * i)[0] == 1]


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
