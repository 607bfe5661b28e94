#!/usr/bin/env python3
"""pshared-futex.py: read `qemu-riscv64 -strace ./pshared` (stderr) on
stdin; the futex calls on the MAP_SHARED|MAP_ANONYMOUS mapping that
pshared.c makes must all be shared (no FUTEX_PRIVATE_FLAG: a private
futex is keyed by the address space, so two processes sharing the
mapping would never meet).  Exit 0 if so, with a summary; 1 otherwise."""
import re, sys
text = sys.stdin.read()          # (lines of several threads may interleave)
m = re.search(r'mmap\(NULL,(\d+),PROT_READ\|PROT_WRITE,MAP_SHARED\|MAP_ANONYMOUS,-1,0\)'
              r'\s*=\s*(0x[0-9a-f]+)', text)
if not m:
    sys.exit("no MAP_SHARED|MAP_ANONYMOUS mapping in the trace")
size, base = int(m.group(1)), int(m.group(2), 16)
shared = private = 0
for a, op in re.findall(r'futex\((0x[0-9a-f]+),([A-Z_|]+)', text):
    if base <= int(a, 16) < base + size:
        if 'PRIVATE' in op:
            private += 1
        else:
            shared += 1
print(f"futex calls on the mapping: {shared} shared, {private} private")
sys.exit(0 if shared > 0 and private == 0 else 1)
