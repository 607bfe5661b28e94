#!/usr/bin/env python3
"""fuzz.py: mutate what the FDPIC loaders read and check how each case ends.

    fuzz.py --seed S --cases N --work DIR --sysroot SYSROOT --qemu QEMU
            --targets DIR [--jobs J] [--keep-findings DIR]

TARGETS holds the unmutated files, built by testsuite/fuzz/run.sh:
  libs           a dynamic FDPIC executable that uses liba.so and libb.so
                 and dlopens libplug.so (testsuite/runtime/libs.c)
  core-static    a static FDPIC executable (testsuite/runtime/core.c)
  liba.so, libb.so, libplug.so   its shared libraries
and ld.so (ld-uClibc.so.1) comes from SYSROOT.  Each case takes one of
the five kinds of file (executable, static executable, shared library,
dlopen'ed library, the dynamic linker), mutates it and runs the program
that loads it under qemu-riscv64:

  structured   one field that a loader reads (ELF header, a program header,
               a dynamic entry, a relocation, a lazy PLT slot's word, a
               dynamic symbol, a word of the .hash table, a .rofixup
               entry, the PT_INTERP string)
               gets a boundary value (0, -1, sign bits, the file size, just
               past a segment, off by one, one bit flipped, random);
  bytes        1 to 8 random bytes changed inside one of those ranges.

A case ends in one of:
  refused   the run fails with an error message (qemu's or ld.so's) that
            names a file of the run, before the program's main runs;
  ran       the run succeeds with output identical to the unmutated run;
  changed   main ran and ended, but its checks saw different code or
            data: the loaders accepted a well-formed file with another
            meaning (a relocation addend, a symbol value), which no
            loader can tell from the original, or dlopen refused the
            damaged plugin and main reported that;
  valid     the run failed before main without a message, or hung, but
            the mutated file breaks no rule of the psABI: each field the
            mutation changed holds another legal value and the whole file
            keeps the rules (wellformed.py, written from the psABI
            document), so the program fails by its meaning, as a program
            with a bug does (an ld.so relocation addend naming another
            address of ld.so, an entry point moved to another even
            address of the text);
  finding   anything else: a failure before main (a signal, an error
            without a message naming the file) or a hang past the
            timeout, of a file that wellformed.py does not prove
            well-formed: a loader accepted a malformed file, or hung.
--kind KIND --set FIELD=VALUE applies one named mutation instead (the
regression cases, testsuite/fuzz/regressions.txt).

For the nommu system (testsuite/fuzz-nommu/), the same cases are written
out instead of run, and judged from the system's console afterwards:
  fuzz.py --emit DIR ...   DIR/top/ (the system's /fuzz-nommu): t/ the
                           unmutated files, cases one line per case and
                           refs one per kind, "ID KIND LD_LIBRARY_PATH|-
                           PROGRAM ARGS..." with the system's paths;
                           DIR/z/I/ (the system's /z/I) case I's file;
                           an ld.so case gets a copy of the executable whose
                           PT_INTERP names the damaged ld.so;
  fuzz.py --judge LOG --emit DIR   reads the "=== REF", "=== CASE" and
                           "=== ERR" lines that vm-run.sh printed and
                           classifies each case as above (a program the
                           kernel refused is "refused": tryexec names it).
Prints one line per finding and the totals
  fuzz: N cases (seed S): R refused, A ran, C changed, V valid, F findings
and exits 1 if there are findings.  The same seed gives the same cases.
"""
import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import wellformed

PT_LOAD, PT_DYNAMIC, PT_INTERP = 1, 2, 3
DT = dict(NEEDED=1, PLTRELSZ=2, PLTGOT=3, HASH=4, STRTAB=5, SYMTAB=6,
          RELA=7, RELASZ=8, STRSZ=10, JMPREL=23, RELACOUNT=0x6ffffff9)


class Elf:
    """The parts of a 64-bit little-endian ELF file that loaders read, as
    (file offset, size, label) fields and (offset, length, label) ranges."""

    def __init__(self, data):
        self.data = data
        self.fields = []
        self.ranges = []
        self.ignored = []   # fields the loaders do not read: for wellformed.py
        self.tables = []    # (name, file offset, size): for wellformed.py
        self.phoff, = struct.unpack_from('<Q', data, 32)
        self.phnum, = struct.unpack_from('<H', data, 56)
        f = self.fields
        for off, size, name in ((4, 1, 'EI_CLASS'), (5, 1, 'EI_DATA'),
                                (7, 1, 'EI_OSABI'), (16, 2, 'e_type'),
                                (18, 2, 'e_machine'), (24, 8, 'e_entry'),
                                (32, 8, 'e_phoff'), (48, 4, 'e_flags'),
                                (54, 2, 'e_phentsize'), (56, 2, 'e_phnum')):
            f.append((off, size, name))
        self.ranges.append((0, 64, 'ELF header'))
        # Read by no loader: EI_ABIVERSION and EI_PAD, e_version, e_shoff,
        # e_ehsize, e_shentsize, e_shnum, e_shstrndx.
        self.ignored = [(8, 8, 'EI_PAD'), (20, 4, 'e_version'), (40, 8, 'e_shoff'),
                        (52, 2, 'e_ehsize'), (58, 6, 'e_sh*')]
        self.phdrs = []
        for i in range(self.phnum):
            o = self.phoff + 56 * i
            self.phdrs.append(struct.unpack_from('<IIQQQQQQ', data, o) + (o,))
            for d, size, name in ((0, 4, 'p_type'), (4, 4, 'p_flags'),
                                  (8, 8, 'p_offset'), (16, 8, 'p_vaddr'),
                                  (32, 8, 'p_filesz'), (40, 8, 'p_memsz'),
                                  (48, 8, 'p_align')):
                f.append((o + d, size, 'phdr[%d].%s' % (i, name)))
        self.ranges.append((self.phoff, 56 * self.phnum, 'program headers'))
        self.loads = [p for p in self.phdrs if p[0] == PT_LOAD]
        for p in self.phdrs:
            if p[0] == PT_INTERP:
                self.ranges.append((p[2], p[5], 'PT_INTERP'))
        self.dyn = {}
        for p in self.phdrs:
            if p[0] == PT_DYNAMIC:
                self.dynamic(p[2], p[5])
        self.rofixup()

    def off(self, addr):
        """File offset of a link-time address, or None."""
        for p in self.loads:
            if p[3] <= addr < p[3] + p[5]:
                return p[2] + addr - p[3]
        return None

    def dynamic(self, start, size):
        f, data = self.fields, self.data
        self.ranges.append((start, size, 'dynamic section'))
        for i in range(size // 16):
            o = start + 16 * i
            tag, val = struct.unpack_from('<qQ', data, o)
            if tag == 0:
                break
            f.append((o, 8, 'dyn[%d].d_tag' % i))
            f.append((o + 8, 8, 'dyn[%d].d_val(%#x)' % (i, tag)))
            self.dyn.setdefault(tag, val)
        d = self.dyn
        for tab, sz, name in ((DT['RELA'], DT['RELASZ'], '.rela.dyn'),
                              (DT['JMPREL'], DT['PLTRELSZ'], '.rela.plt')):
            o = self.off(d.get(tab, -1))
            if o is None:
                continue
            n = d.get(sz, 0)
            self.ranges.append((o, n, name))
            self.tables.append((name, o, n))
            for i in range(n // 24):
                r = o + 24 * i
                f += [(r, 8, '%s[%d].r_offset' % (name, i)),
                      (r + 8, 4, '%s[%d].type' % (name, i)),
                      (r + 12, 4, '%s[%d].sym' % (name, i)),
                      (r + 16, 8, '%s[%d].r_addend' % (name, i))]
                # A lazy PLT slot's first word: the link-time address of
                # PLT0, which ld.so translates.
                slot = self.off(struct.unpack_from('<Q', data, r)[0])
                if name == '.rela.plt' and slot is not None and slot + 8 <= len(data):
                    f.append((slot, 8, '.plt-slot[%d]' % i))
        h = self.off(d.get(DT['HASH'], -1))
        nchain = 0
        if h is not None:
            nbucket, nchain = struct.unpack_from('<II', data, h)
            n = 2 + nbucket + nchain
            self.ranges.append((h, 4 * n, '.hash'))
            f += [(h + 4 * i, 4, '.hash[%d]' % i) for i in range(n)]
        s = self.off(d.get(DT['SYMTAB'], -1))
        if s is not None and nchain:
            self.ranges.append((s, 24 * nchain, '.dynsym'))
            self.tables.append(('.dynsym', s, 24 * nchain))
            for i in range(1, nchain):
                o = s + 24 * i
                self.ignored.append((o + 16, 8, 'sym[%d].st_size' % i))
                f += [(o, 4, 'sym[%d].st_name' % i), (o + 4, 1, 'sym[%d].st_info' % i),
                      (o + 6, 2, 'sym[%d].st_shndx' % i), (o + 8, 8, 'sym[%d].st_value' % i)]
        o = self.off(d.get(DT['STRTAB'], -1))
        if o is not None:
            self.ranges.append((o, d.get(DT['STRSZ'], 0), '.dynstr'))

    def rofixup(self):
        """.rofixup, found through the section headers (the loaders find it
        through __ROFIXUP_LIST__ or the GOT; its place is the same)."""
        data = self.data
        shoff, = struct.unpack_from('<Q', data, 40)
        shnum, shstrndx = struct.unpack_from('<HH', data, 60)
        if not shoff or shstrndx >= shnum:
            return
        strs = struct.unpack_from('<Q', data, shoff + 64 * shstrndx + 24)[0]
        for i in range(shnum):
            name, _, _, _, off, size = struct.unpack_from('<IIQQQQ', data, shoff + 64 * i)
            end = data.index(b'\0', strs + name)
            if data[strs + name:end] == b'.rofixup':
                self.ranges.append((off, size, '.rofixup'))
                self.tables.append(('.rofixup', off, size))
                self.fields += [(off + 8 * j, 8, '.rofixup[%d]' % j) for j in range(size // 8)]


def values(rng, elf, orig, size):
    """Boundary values for a field of SIZE bytes holding ORIG."""
    top = (1 << (8 * size)) - 1
    flen = len(elf.data)
    ends = [p[3] + p[5] for p in elf.loads] + [p[3] for p in elf.loads]
    cands = [0, 1, top, top >> 1, (top >> 1) + 1, (orig + 1) & top, (orig - 1) & top,
             orig ^ (1 << rng.randrange(8 * size)), (orig + 0x1000) & top,
             (orig - 0x1000) & top, (orig * 2) & top, flen & top, (flen - 1) & top,
             rng.choice(ends) & top, (rng.choice(ends) - 8) & top,
             rng.randrange(top + 1)]
    return rng.choice([c for c in cands if c != orig] or [orig ^ 1])


def mutate(rng, data):
    """One mutation of DATA: (new bytes, description)."""
    elf = Elf(data)
    b = bytearray(data)
    if rng.random() < 0.7:
        off, size, name = rng.choice(elf.fields)
        fmt = {1: '<B', 2: '<H', 4: '<I', 8: '<Q'}[size]
        orig, = struct.unpack_from(fmt, data, off)
        new = values(rng, elf, orig, size)
        struct.pack_into(fmt, b, off, new)
        return bytes(b), '%s %#x -> %#x' % (name, orig, new)
    start, length, name = rng.choice([r for r in elf.ranges if r[1] > 0])
    start = min(start, len(b) - 1)
    length = max(1, min(length, len(b) - start))
    changes = []
    for _ in range(rng.randint(1, 8)):
        o = start + rng.randrange(length)
        v = rng.randrange(256)
        changes.append('%#x:%02x->%02x' % (o, b[o], v))
        b[o] = v
    return bytes(b), '%s bytes %s' % (name, ' '.join(changes))


def set_field(data, spec):
    """A named mutation, FIELD=VALUE with FIELD as the fields are labelled
    (e.g. .rela.plt[16].r_offset=0x5120): the regression cases."""
    label, value = spec.rsplit('=', 1)
    elf = Elf(data)
    for off, size, name in elf.fields:
        if name.split('(')[0] == label:
            b = bytearray(data)
            fmt = {1: '<B', 2: '<H', 4: '<I', 8: '<Q'}[size]
            orig, = struct.unpack_from(fmt, data, off)
            struct.pack_into(fmt, b, off, int(value, 0))
            return bytes(b), '%s %#x -> %s' % (label, orig, value)
    sys.exit('fuzz: no field %s' % label)


KINDS = ('exe', 'static', 'lib', 'plugin', 'ldso')
# The unmutated file of each kind but ldso (the sysroot's ld-uClibc.so.1).
SOURCE = dict(exe='libs', static='core-static', lib='liba.so', plugin='libplug.so')
LIBS = ('liba.so', 'libb.so', 'libplug.so')


def link_libs(case, name, where):
    """Links in CASE to the intact libraries in WHERE but NAME: a library
    case's directory is alone on the search path, so that ld.so, refusing
    the damaged library, cannot load the intact one from another."""
    for n in LIBS:
        if n != name:
            os.symlink(os.path.join(where, n), os.path.join(case, n))
# The files of a run: a loader's message must name one of them (the one it
# was reading when it found the fault: for a damaged ld.so, that may be the
# libc whose symbols it can no longer resolve), or the interpreter that a
# damaged PT_INTERP names.
FILES = ('libs', 'core-static', 'liba.so', 'libb.so', 'libplug.so', 'libc.so.0',
         'ld-uClibc.so.1', "Could not open '")


def other_meaning(orig, new):
    """A case that failed before main without a loader message: 'valid'
    if the mutated file keeps every rule of the psABI (wellformed.py: the
    program means something else, as a program with a bug does), else a
    'finding' (a loader accepted a malformed file)."""
    why = wellformed.check(Elf(orig), new)
    return ('finding', 'malformed: ' + why) if why else ('valid', 'well-formed')


def names_a_file(text):
    return any(f in text for f in FILES)


class Runner:
    def __init__(self, args):
        self.a = args
        self.t = os.path.abspath(args.targets)
        self.sys = os.path.abspath(args.sysroot)
        self.ldso = os.path.realpath(os.path.join(self.sys, 'lib', 'ld-uClibc.so.1'))
        self.ref = {}

    def command(self, kind, case):
        """Where the mutated file goes, its name in messages, and the run."""
        q = self.a.qemu.split()
        if kind == 'exe':
            return os.path.join(case, 'libs'), 'libs', \
                q + ['-L', self.sys, '-E', 'LD_LIBRARY_PATH=' + self.t, os.path.join(case, 'libs')]
        if kind == 'static':
            return os.path.join(case, 'core-static'), 'core-static', \
                q + ['-L', self.sys, os.path.join(case, 'core-static'), 'one', 'two']
        if kind in ('lib', 'plugin'):
            name = SOURCE[kind]
            link_libs(case, name, self.t)
            return os.path.join(case, name), name, \
                q + ['-L', self.sys, '-E', 'LD_LIBRARY_PATH=' + case, os.path.join(self.t, 'libs')]
        # The dynamic linker: a sysroot whose lib/ holds the mutated ld.so
        # and links to the rest.
        root = os.path.join(case, 'sys')
        os.makedirs(os.path.join(root, 'lib'))
        for n in os.listdir(os.path.join(self.sys, 'lib')):
            if n != 'ld-uClibc.so.1':
                os.symlink(os.path.join(self.sys, 'lib', n), os.path.join(root, 'lib', n))
        return os.path.join(root, 'lib', 'ld-uClibc.so.1'), 'ld-uClibc.so.1', \
            q + ['-L', root, '-E', 'LD_LIBRARY_PATH=' + self.t, os.path.join(self.t, 'libs')]

    def source(self, kind):
        name = SOURCE.get(kind)
        return os.path.join(self.t, name) if name else self.ldso

    def run(self, cmd):
        try:
            # qemu-riscv64 hands its environment to the program: the same
            # small one for every run, wherever fuzz.py is started from, so
            # that a seed gives the same results.
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                               timeout=self.a.timeout, env={'PATH': '/usr/bin:/bin'})
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            return 'timeout', e.stdout or b'', e.stderr or b''

    def reference(self):
        for kind in (self.a.kind,) if self.a.kind else KINDS:
            case = os.path.join(self.a.work, 'ref-' + kind)
            shutil.rmtree(case, ignore_errors=True)
            os.makedirs(case)
            path, _, cmd = self.command(kind, case)
            shutil.copy(self.source(kind), path)
            rc, out, err = self.run(cmd)
            if rc != 0:
                sys.exit('fuzz: the unmutated %s run failed (%s): %s' % (kind, rc, err.decode(errors='replace')))
            data = open(self.source(kind), 'rb').read()
            why = wellformed.check(Elf(data), data)
            if why:
                sys.exit('fuzz: wellformed.py refuses the unmutated %s file: %s' % (kind, why))
            self.ref[kind] = out

    def case(self, i):
        rng = random.Random('%d-%d' % (self.a.seed, i))
        kind = self.a.kind or rng.choice(KINDS)
        case = os.path.join(self.a.work, 'case-%d' % i)
        shutil.rmtree(case, ignore_errors=True)
        os.makedirs(case)
        path, name, cmd = self.command(kind, case)
        data = open(self.source(kind), 'rb').read()
        if self.a.set:
            new, what = set_field(data, self.a.set)
        else:
            new, what = mutate(rng, data)
        with open(path, 'wb') as f:
            f.write(new)
        os.chmod(path, 0o755)
        rc, out, err = self.run(cmd)
        text = err.decode(errors='replace')
        main_ran = b'ok ' in out
        if rc == 0 and out == self.ref[kind]:
            verdict = 'ran'
        elif main_ran and rc != 'timeout':
            verdict = 'changed'
        elif rc != 'timeout' and rc > 0 and names_a_file(text):
            verdict = 'refused'
        else:
            verdict, why = other_meaning(data, new)
            text += '\n' + why
        if verdict != 'finding':
            shutil.rmtree(case, ignore_errors=True)
        elif self.a.keep_findings:
            dest = os.path.join(self.a.keep_findings, 'case-%d-%s' % (i, kind))
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(case, dest, symlinks=True)
            shutil.rmtree(case, ignore_errors=True)
        return i, kind, what, verdict, rc, text.strip().splitlines()[-1:] or [''], out[-200:]


VM = '/fuzz-nommu'
VMZ = '/z'      # the cases: short paths, for an ld.so case's PT_INTERP


def vm_command(kind, case):
    """(LD_LIBRARY_PATH or '-', program, args) of a case in the nommu
    system; CASE is its directory there (or None: the unmutated files)."""
    t = VM + '/t'
    if kind == 'exe':
        return t, (case or t) + '/libs', []
    if kind == 'static':
        return '-', (case or t) + '/core-static', ['one', 'two']
    if kind in ('lib', 'plugin'):
        return case or t, t + '/libs', []    # links to the others: emit()
    return t, (case + '/libs') if case else t + '/libs', []


def set_interp(data, name):
    """DATA with its PT_INTERP string replaced by NAME (no longer)."""
    elf, b = Elf(data), bytearray(data)
    for p in elf.phdrs:
        if p[0] == PT_INTERP:
            raw = name.encode() + b'\0'
            assert len(raw) <= p[5], name
            b[p[2]:p[2] + p[5]] = raw.ljust(p[5], b'\0')
    return bytes(b)


def emit(a):
    """Write the cases for the nommu system (--emit)."""
    top = os.path.join(a.emit, 'top')
    t = os.path.join(top, 't')
    os.makedirs(t, exist_ok=True)
    for n in set(SOURCE.values()) | {'libb.so'}:
        shutil.copy(os.path.join(a.targets, n), t)
    ldso = os.path.realpath(os.path.join(a.sysroot, 'lib', 'ld-uClibc.so.1'))
    with open(os.path.join(top, 'refs'), 'w') as f:
        for kind in SOURCE:
            llp, prog, args = vm_command(kind, None)
            f.write(' '.join([kind, kind, llp, prog] + args) + '\n')
    with open(os.path.join(top, 'cases'), 'w') as f:
        for i in range(a.first, a.first + a.cases):
            rng = random.Random('%d-%d' % (a.seed, i))
            kind = a.kind or rng.choice(KINDS)
            case = '%s/%d' % (VMZ, i)
            d = os.path.join(a.emit, 'z', str(i))
            os.makedirs(d, exist_ok=True)
            if kind == 'ldso':
                data, name = open(ldso, 'rb').read(), 'ld.so'
                exe = open(os.path.join(a.targets, 'libs'), 'rb').read()
                with open(os.path.join(d, 'libs'), 'wb') as g:
                    g.write(set_interp(exe, case + '/ld.so'))
                os.chmod(os.path.join(d, 'libs'), 0o755)
            else:
                name = SOURCE[kind]
                data = open(os.path.join(a.targets, name), 'rb').read()
                if kind in ('lib', 'plugin'):   # as Runner.command
                    link_libs(d, name, VM + '/t')
            new, what = set_field(data, a.set) if a.set else mutate(rng, data)
            with open(os.path.join(d, name), 'wb') as g:
                g.write(new)
            os.chmod(os.path.join(d, name), 0o755)
            llp, prog, args = vm_command(kind, case)
            f.write(' '.join([str(i), kind, llp, prog] + args) + '\n')
            with open(os.path.join(d, 'what'), 'w') as g:
                g.write(what + '\n')


def judge(a):
    """Classify the cases from the console log of the nommu system."""
    refs, cases, errs = {}, {}, {}
    for line in open(a.judge, errors='replace'):
        line = line.rstrip('\r\n')
        f = line.split(' ', 6)
        if line.startswith('=== REF ') and len(f) >= 5:
            refs[f[2]] = (f[3], f[4])            # rc, md5 of stdout
        elif line.startswith('=== CASE ') and len(f) >= 7:
            cases[f[2]] = f[3:7]                 # kind rc md5 ok-lines
        elif line.startswith('=== ERR '):
            errs[f[2]] = line.split(' ', 3)[3] if len(f) > 3 else ''
    count = dict(refused=0, ran=0, changed=0, valid=0, finding=0)
    expected = [l.split()[:2] for l in open(os.path.join(a.emit, 'top', 'cases'))]
    for i, kind in expected:
        what = open(os.path.join(a.emit, 'z', i, 'what')).read().strip()
        if i not in cases:
            verdict, rc, err = 'finding', 'not run', ''
        else:
            _, rc, md5, oks = cases[i]
            err = errs.get(i, '')
            ref = refs.get('exe' if kind == 'ldso' else kind, ('', ''))
            if rc == '0' and ref == ('0', md5):
                verdict = 'ran'
            elif oks != '0' and rc != 'timeout':
                verdict = 'changed'
            elif rc not in ('0', 'timeout') and (names_a_file(err) or err.startswith('execve ')):
                verdict = 'refused'
            else:
                name = os.path.join(a.emit, 'z', i, 'ld.so' if kind == 'ldso' else SOURCE[kind])
                orig = os.path.join(a.emit, 'top', 't', SOURCE[kind]) if kind != 'ldso' else \
                    os.path.realpath(os.path.join(a.sysroot, 'lib', 'ld-uClibc.so.1'))
                verdict, why = other_meaning(open(orig, 'rb').read(), open(name, 'rb').read())
                err += ' (' + why + ')'
        count[verdict] += 1
        if verdict == 'finding':
            print('FINDING: case %s (%s) %s: status %s, last message %r' % (i, kind, what, rc, err))
        elif verdict == 'valid' and os.environ.get('FUZZ_VERBOSE'):
            print('valid: case %s (%s) %s: status %s' % (i, kind, what, rc))
    print('fuzz-nommu: %d cases (seed %d, from %d): %d refused, %d ran, %d changed, %d valid, %d findings'
          % (len(expected), a.seed, a.first, count['refused'], count['ran'],
             count['changed'], count['valid'], count['finding']))
    return count['finding']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--cases', type=int, default=100)
    ap.add_argument('--first', type=int, default=0)
    ap.add_argument('--work')
    ap.add_argument('--sysroot')
    ap.add_argument('--qemu')
    ap.add_argument('--targets')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=20)
    ap.add_argument('--keep-findings')
    ap.add_argument('--kind', choices=KINDS, help='only this kind of file')
    ap.add_argument('--set', metavar='FIELD=VALUE', help='this mutation instead of random ones')
    ap.add_argument('--emit', metavar='DIR', help='write the cases for the nommu system')
    ap.add_argument('--judge', metavar='LOG', help='judge them from its console log')
    ap.add_argument('--malformed', action='store_true',
                    help='with --kind and --set: exit 0 if wellformed.py finds the file malformed')
    a = ap.parse_args()
    if a.malformed:
        # The oracle's own check: a mutation that once made a loader fail
        # gives a malformed file, which wellformed.py must not call valid.
        data = open(Runner(a).source(a.kind), 'rb').read()
        why = wellformed.check(Elf(data), set_field(data, a.set)[0])
        print('wellformed.py: %s %s: %s' % (a.kind, a.set, why or 'well-formed'))
        sys.exit(0 if why else 1)
    if a.judge:
        sys.exit(1 if judge(a) else 0)
    if not a.targets or not a.sysroot or (not a.emit and not (a.work and a.qemu)):
        ap.error('--targets and --sysroot, and --work and --qemu or --emit, are required')
    if a.emit:
        emit(a)
        return
    # Absolute: LD_LIBRARY_PATH names the case's directory, and a
    # relative one was not searched under qemu-riscv64 (a library case
    # loaded the unmutated library, without a message).
    a.work = os.path.abspath(a.work)
    os.makedirs(a.work, exist_ok=True)
    r = Runner(a)
    r.reference()
    count = dict(refused=0, ran=0, changed=0, valid=0, finding=0)
    with ThreadPoolExecutor(a.jobs) as ex:
        for i, kind, what, verdict, rc, err, out in ex.map(r.case, range(a.first, a.first + a.cases)):
            count[verdict] += 1
            if verdict == 'finding':
                print('FINDING: case %d (%s) %s: status %s, stderr %r, stdout ends %r'
                      % (i, kind, what, rc, err[0], out.decode(errors='replace')[-80:]))
            elif os.environ.get('FUZZ_VERBOSE'):
                print('%s: case %d (%s) %s: %s' % (verdict, i, kind, what, err[0]))
    print('fuzz: %d cases (seed %d): %d refused, %d ran, %d changed, %d valid, %d findings'
          % (a.cases, a.seed, count['refused'], count['ran'], count['changed'], count['valid'],
             count['finding']))
    sys.exit(1 if count['finding'] else 0)


if __name__ == '__main__':
    main()
