#!/usr/bin/env python3
"""malformed.py PROGRAM: write more malformed copies of the dynamically
linked FDPIC executable PROGRAM for the nommu suite (testsuite/runtime/
corrupt.py writes the first ones), each of which the kernel must refuse
before the point of no return:
  bad-interp2     a second PT_INTERP
  bad-entry       e_entry outside every PT_LOAD
  bad-phdrs       the program header table outside every PT_LOAD
  bad-dynamic     PT_DYNAMIC outside every PT_LOAD
  bad-bigseg      the last PT_LOAD's p_memsz 2^32 larger (the load map
                  holds 32 bits)
  bad-align       the first PT_LOAD's p_align not a power of two
  bad-misaligned  the last PT_LOAD's p_offset 8 bytes off its p_vaddr
                  modulo p_align
  bad-stack-huge  PT_GNU_STACK's p_memsz near 2^64 (rounding wraps)
  bad-stack-big   PT_GNU_STACK's p_memsz 2^40

malformed.py --rotail PROGRAM OUT: write to OUT a copy of PROGRAM whose
text segment's p_memsz reaches over the file bytes of the data segment
that follows it (a legal read-only segment with a zero-filled tail)."""
import struct
import sys

PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE = 1, 2, 3, 4
PT_GNU_EH_FRAME, PT_GNU_STACK, PT_GNU_RELRO = 0x6474e550, 0x6474e551, 0x6474e552
PHENT = 56


def phdrs(data):
    phoff, = struct.unpack_from('<Q', data, 0x20)
    phnum, = struct.unpack_from('<H', data, 0x38)
    return [phoff + PHENT * i for i in range(phnum)]


def ptype(data, ph):
    return struct.unpack_from('<I', data, ph)[0]


def field(data, ph, name):
    off = {'offset': 8, 'vaddr': 16, 'filesz': 32, 'memsz': 40, 'align': 48}[name]
    return struct.unpack_from('<Q', data, ph + off)[0]


def setf(b, ph, name, value):
    off = {'offset': 8, 'vaddr': 16, 'filesz': 32, 'memsz': 40, 'align': 48}[name]
    struct.pack_into('<Q', b, ph + off, value)


def of_type(data, t):
    return [ph for ph in phdrs(data) if ptype(data, ph) == t]


def write(name, b):
    with open(name, 'wb') as f:
        f.write(b)


def malformed(data):
    loads = of_type(data, PT_LOAD)
    last_end = field(data, loads[-1], 'vaddr') + field(data, loads[-1], 'memsz')

    b = bytearray(data)
    interp = of_type(data, PT_INTERP)[0]
    spare = next(ph for t in (PT_NOTE, PT_GNU_RELRO, PT_GNU_EH_FRAME)
                 for ph in of_type(data, t))
    b[spare:spare + PHENT] = data[interp:interp + PHENT]
    write('bad-interp2', b)

    b = bytearray(data)
    struct.pack_into('<Q', b, 0x18, last_end + 0x10000)       # e_entry
    write('bad-entry', b)

    b = bytearray(data)
    b += bytes(-len(b) % 8)
    phoff, = struct.unpack_from('<Q', data, 0x20)
    struct.pack_into('<Q', b, 0x20, len(b))                    # e_phoff
    b += data[phoff:phoff + PHENT * len(phdrs(data))]
    write('bad-phdrs', b)

    b = bytearray(data)
    setf(b, of_type(data, PT_DYNAMIC)[0], 'vaddr', last_end + 0x10000)
    write('bad-dynamic', b)

    b = bytearray(data)
    setf(b, loads[-1], 'memsz', field(data, loads[-1], 'memsz') + (1 << 32))
    write('bad-bigseg', b)

    b = bytearray(data)
    setf(b, loads[0], 'align', 0x3000)
    write('bad-align', b)

    b = bytearray(data)
    setf(b, loads[-1], 'offset', field(data, loads[-1], 'offset') - 8)
    write('bad-misaligned', b)

    stack = of_type(data, PT_GNU_STACK)[0]
    for name, size in (('bad-stack-huge', 2**64 - 4095), ('bad-stack-big', 1 << 40)):
        b = bytearray(data)
        setf(b, stack, 'memsz', size)
        write(name, b)


def rotail(data, out):
    text, nxt = of_type(data, PT_LOAD)[:2]
    # From the text's file offset to the end of the data's file part, but
    # not into the data segment's addresses.
    memsz = field(data, nxt, 'offset') + field(data, nxt, 'filesz') - field(data, text, 'offset')
    memsz = min(memsz, field(data, nxt, 'vaddr') - field(data, text, 'vaddr'))
    if memsz <= field(data, text, 'filesz'):
        sys.exit('malformed.py: no file bytes follow the text segment')
    b = bytearray(data)
    setf(b, text, 'memsz', memsz)
    write(out, b)


if sys.argv[1] == '--rotail':
    rotail(open(sys.argv[2], 'rb').read(), sys.argv[3])
else:
    malformed(open(sys.argv[1], 'rb').read())
