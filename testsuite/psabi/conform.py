#!/usr/bin/env python3
"""Check that the psABI document and the implementations agree.

conform.py DOC SRC TOOLPREFIX WORKDIR

DOC is psabi-spec/riscv-fdpic-psabi.adoc, SRC the directory of the patched
source trees (build/src: binutils, uclibc, linux, qemu), TOOLPREFIX the
installed tools' prefix (riscv64-linux-fdpic-).  Each check prints PASS: or
FAIL: with its name, the evidence indented after a failure.

What is compared, with what:
- the relocation table (numbers, names), the e_flags table and the FDPIC
  ABI version (EI_ABIVERSION), with
  binutils' include/elf/riscv.h, uClibc-ng's include/elf.h, the kernel's
  arch/riscv/include/asm/elf.h and QEMU's include/elf.h (the version also
  with uClibc-ng's ld.so), and the version that the assembler and the
  linker write, and the linker's refusal of a later one;
- the assembler operators table, with what the installed assembler
  actually emits for each operator (readelf -r of an assembled file);
- the dynamic tags: no FDPIC tag in any header ("No new dynamic tag");
- the PLT code of the document (PLT0, the lazy-capable long and short
  entries, the bind-now short and long entries), with what the installed
  linker writes for 200 imported functions, lazily and with -z now.
"""
import os
import re
import subprocess
import sys

DOC, SRC, TOOL, WORK = sys.argv[1:5]
failed = False


def result(ok, name, evidence=()):
    global failed
    print('%s: %s' % ('PASS' if ok else 'FAIL', name))
    if not ok:
        failed = True
        for line in evidence:
            print('    ' + line)


doc = open(DOC, encoding='utf-8').read()


def section(anchor):
    """The text from [[anchor]] to the next [[...]] anchor."""
    start = doc.index('[[%s]]' % anchor)
    end = doc.find('\n[[', start + 1)
    return doc[start:end if end >= 0 else len(doc)]


# --- Numbers: relocations and e_flags --------------------------------------

doc_relocs = {name: int(num) for num, name in
              re.findall(r'^\| (\d+) \| `(R_RISCV_\w+)` \| (?:Static|Dynamic|Both) \|',
                         section('reloc-table'), re.M)}
doc_flags = {name: int(val, 16) for name, val in
             re.findall(r'^\| `(EF_RISCV_\w+)` \| `(0x[0-9a-fA-F]+)`',
                        section('e-flags'), re.M)}
result(len(doc_relocs) == 17, 'the document lists 17 FDPIC relocations (found %d)'
       % len(doc_relocs))
result(len(doc_flags) == 2, 'the document lists 2 e_flags bits (found %d)' % len(doc_flags))


def defines(path, pattern):
    text = open(os.path.join(SRC, path), encoding='utf-8', errors='replace').read()
    return {m.group(1): int(m.group(2), 0) for m in re.finditer(pattern, text, re.M)}


FDPIC_RANGE = range(160, 191)    # the document's block and its reserve
headers = [
    ('binutils include/elf/riscv.h', 'binutils/include/elf/riscv.h',
     r'^\s*RELOC_NUMBER \((R_RISCV_\w+), (\d+)\)', r'^#define (EF_RISCV_\w+)\s+(0x[0-9a-fA-F]+)'),
    ('uClibc-ng include/elf.h', 'uclibc/include/elf.h',
     r'^#define (R_RISCV_\w+)\s+(\d+)\b', r'^#define (EF_RISCV_\w+)\s+(0x[0-9a-fA-F]+)'),
    ('Linux arch/riscv/include/asm/elf.h', 'linux/arch/riscv/include/asm/elf.h',
     None, r'^#define (EF_RISCV_\w+)\s+(0x[0-9a-fA-F]+)'),
    ('QEMU include/elf.h', 'qemu/include/elf.h',
     None, r'^#define (EF_RISCV_\w+)\s+(0x[0-9a-fA-F]+)'),
]
for label, path, reloc_re, flag_re in headers:
    if reloc_re:
        have = {n: v for n, v in defines(path, reloc_re).items() if v in FDPIC_RANGE}
        diff = ['%s: document %s, %s %s' % (n, doc_relocs.get(n), label, have.get(n))
                for n in sorted(set(doc_relocs) | set(have))
                if doc_relocs.get(n) != have.get(n)]
        result(not diff, 'relocation numbers: the document and %s' % label, diff)
    have = {n: v for n, v in defines(path, flag_re).items() if n in doc_flags}
    diff = ['%s: document %#x, %s %s' % (n, v, label,
                                         '%#x' % have[n] if n in have else 'missing')
            for n, v in doc_flags.items() if have.get(n) != v]
    result(not diff, 'e_flags bits: the document and %s' % label, diff)

# The version of the numbering, in EI_ABIVERSION.
m = re.search(r'^`EI_ABIVERSION` is \*(\d+)\* in every FDPIC file', section('abi-version'), re.M)
doc_version = int(m.group(1)) if m else None
result(doc_version is not None, 'the document gives the FDPIC ABI version (EI_ABIVERSION)')
for label, path in (('binutils include/elf/riscv.h', 'binutils/include/elf/riscv.h'),
                    ('uClibc-ng ld.so', 'uclibc/ldso/ldso/riscv64/dl-sysdep.h'),
                    ('Linux arch/riscv/include/asm/elf.h', 'linux/arch/riscv/include/asm/elf.h'),
                    ('QEMU include/elf.h', 'qemu/include/elf.h')):
    have = defines(path, r'^#define (RISCV_FDPIC_ABI_VERSION)\s+(\d+)').get('RISCV_FDPIC_ABI_VERSION')
    result(have == doc_version, 'FDPIC ABI version: the document (%s) and %s (%s)'
           % (doc_version, label, have))

# "No new dynamic tag is defined."
dyn = section('dyn-tags')
result('No new dynamic tag is defined.' in dyn, 'the document defines no dynamic tag')
tags = []
for label, path, _r, _f in headers:
    text = open(os.path.join(SRC, path), encoding='utf-8', errors='replace').read()
    tags += ['%s: %s' % (label, t) for t in re.findall(r'\bDT_\w*(?:FDPIC|FUNCDESC)\w*', text)]
result(not tags, 'no header defines an FDPIC dynamic tag', tags)


def run(*cmd, **kw):
    return subprocess.run(cmd, cwd=WORK, capture_output=True, text=True, **kw)


# --- Assembler operators -----------------------------------------------------

# One instruction per "Used on" entry of the operator table.
USE = {
    'lui': 'lui a0, {op}(x)',
    'ld': 'ld a0, {op}(x)(a0)',
    'addi': 'addi a0, a0, {op}(x)',
    'I-type': 'lw a0, {op}(x)(a0)',
    'S-type': 'sw a0, {op}(x)(a0)',
    'add': 'add a0, a0, gp, {op}(x)',
    '.dword': '.dword {op}(x)',
    '.word': '.word {op}(x)',
}
rows = re.findall(r'^\| (`%.*?) \| (`R_RISCV_.*?) \| (.*)$', section('asm-operators'), re.M)
lines, want = [], []
for ops, relocs, used in rows:
    ops = re.findall(r'`(%\w+)\(sym\)`', ops)
    relocs = re.findall(r'`(R_RISCV_\w+|_\w+)`', relocs)
    # "`R_RISCV_GOT_GPREL_HI20` / `_LO12_I`": the second name is a suffix.
    relocs = [r if r.startswith('R_') else re.sub(r'_[A-Z0-9]+$', '', relocs[0]) + r
              for r in relocs]
    if 'fourth operand' in used:
        uses = ['add']
    else:
        uses = [re.match(r'`?(\.?[\w]+(?:-type)?)', u.strip()).group(1)
                for u in used.split(' / ')]
    # "op1 / op2" with "reloc1 / reloc2" and "use1 / use2", or one operator
    # with two relocations for two uses (%gprel_lo on I- and S-type).
    for i, reloc in enumerate(relocs):
        op = ops[min(i, len(ops) - 1)]
        use = uses[min(i, len(uses) - 1)]
        if use not in USE:
            result(False, 'operator %s: the table\'s "Used on" %r is known to this check'
                   % (op, used))
            continue
        # TLS operators refer to a thread-local variable, the others to x.
        sym = 'tv' if op.startswith('%tls') else 'x'
        lines.append(USE[use].format(op=op).replace('(x)', '(%s)' % sym))
        want.append((op, reloc))
result(len(want) == 16, 'the operator table gives 16 operator uses (found %d)' % len(want))
code = [(w, l) for w, l in zip(want, lines) if not l.startswith('.')]
data = [(w, l) for w, l in zip(want, lines) if l.startswith('.')]
with open(os.path.join(WORK, 'operators.s'), 'w') as f:
    f.write('\t.text\n' + ''.join('\t%s\n' % l for _w, l in code)
            + '\t.globl x\n\t.type x, @function\nx:\n\tret\n'
            + '\t.data\n' + ''.join('\t%s\n' % l for _w, l in data)
            + '\t.section .tbss,"awT",@nobits\n\t.type tv, @object\ntv:\t.zero 8\n')
order = [w for w, _l in code + data]
p = run(TOOL + 'as', '-mno-relax', '-o', 'operators.o', 'operators.s')
if p.returncode:
    result(False, 'the operators assemble', p.stderr.splitlines())
else:
    got = re.findall(r'\b(R_RISCV_\w+)\b', run(TOOL + 'readelf', '-rW', 'operators.o').stdout)
    got = [g for g in got if g != 'R_RISCV_RELAX']
    bad = ['%s: document %s, assembler %s' % (op, reloc, g)
           for (op, reloc), g in zip(order, got + [None] * len(order)) if reloc != g]
    result(not bad, 'each operator gives the relocation of the document', bad)

# --- The version marker, written and checked --------------------------------

with open(os.path.join(WORK, 'version.s'), 'w') as f:
    f.write('\t.globl _start\n\t.type _start, @function\n_start:\n\tret\n')
p = run(TOOL + 'as', '-o', 'version.o', 'version.s')
q = run(TOOL + 'ld', '-static', '-o', 'version', 'version.o')
if p.returncode or q.returncode:
    result(False, 'version.s assembles and links', (p.stderr + q.stderr).splitlines())
else:
    got = [open(os.path.join(WORK, f), 'rb').read()[8] for f in ('version.o', 'version')]
    result(got == [doc_version] * 2,
           'the assembler and the linker write EI_ABIVERSION %s (object %d, executable %d)'
           % (doc_version, got[0], got[1]))
    later = bytearray(open(os.path.join(WORK, 'version.o'), 'rb').read())
    later[8] = (doc_version or 0) + 1
    open(os.path.join(WORK, 'version-later.o'), 'wb').write(later)
    q = run(TOOL + 'ld', '-static', '-o', 'version-later', 'version-later.o')
    result(q.returncode != 0 and 'version-later.o: object file uses version %d of the FDPIC ABI'
           % later[8] in q.stderr,
           'the linker refuses an object of a later FDPIC ABI version, naming it',
           q.stderr.splitlines())

# --- PLT code ----------------------------------------------------------------

REGS = set('zero ra sp gp tp t0 t1 t2 t3 t4 t5 t6 s0 s1 a0 a1 a2 a3 a4 a5 a6 a7'.split())


def norm_insn(mnem, operands):
    ops = []
    for o in [o.strip() for o in operands.split(',')] if operands.strip() else []:
        m = re.match(r'^(.*)\((\w+)\)$', o)
        if o in REGS:
            ops.append(o)
        elif m and m.group(2) in REGS:
            ops.append('IMM(%s)' % m.group(2))
        else:
            ops.append('IMM')
    # The document writes the usual aliases; objdump -M no-aliases does not.
    if mnem == 'jr':
        return 'jalr zero,IMM(%s)' % ops[0]
    if mnem == 'j':
        return 'jal zero,IMM'
    if mnem == 'nop':
        return 'addi zero,zero,IMM'
    return '%s %s' % (mnem, ','.join(ops))


def doc_blocks(heading):
    """The [source,asm] blocks after a ==== heading, up to the next one."""
    start = doc.index(heading)
    end = doc.find('\n==', start + len(heading))
    text = doc[start:end]
    blocks = []
    for body in re.findall(r'\[source,asm\]\n----\n(.*?)\n----', text, re.S):
        seq = []
        for line in body.splitlines():
            line = line.split('#')[0].strip()
            line = re.sub(r'^[.\w@]+:\s*', '', line)
            if line:
                mnem, _, rest = line.partition(' ')
                seq.append(norm_insn(mnem, rest))
        blocks.append(seq)
    return blocks


def strip_nops(seq):
    while seq and seq[-1] == 'addi zero,zero,IMM':
        seq = seq[:-1]
    return seq


lazy_long, lazy_near = doc_blocks('==== PLT entry (lazy-capable form)')
now_near, now_far = doc_blocks('==== PLT entry (bind-now form)')
plt0, = doc_blocks('==== PLT0')
# The long bind-now form's other variant, in the words of the document:
# "lui/addi/add forms t3 = slot address and the loads use offsets 0 and 8".
now_far_alt = ['lui t3,IMM', 'addi t3,t3,IMM', 'add t3,t3,gp', 'ld t1,IMM(t3)',
               'ld gp,IMM(t3)', 'jalr zero,IMM(t1)']

NFUNC = 200
with open(os.path.join(WORK, 'calls.s'), 'w') as f:
    f.write('\t.text\n\t.globl f\n\t.type f, @function\nf:\n')
    for i in range(NFUNC):
        f.write('\tcall ext%d\n' % i)
    f.write('\tret\n')
p = run(TOOL + 'as', '-o', 'calls.o', 'calls.s')
for label, extra, forms in (('lazy', [], [lazy_near, lazy_long]),
                            ('-z now', ['-z', 'now'], [now_near, now_far, now_far_alt])):
    out = 'plt-%s.so' % ('now' if extra else 'lazy')
    p = run(TOOL + 'ld', '-shared', *extra, '-o', out, 'calls.o')
    if p.returncode:
        result(False, 'PLT (%s): the library links' % label, p.stderr.splitlines())
        continue
    dis = run(TOOL + 'objdump', '-d', '-M', 'no-aliases', '-j', '.plt', out).stdout
    entries = {}
    name = None
    for line in dis.splitlines():
        m = re.match(r'^[0-9a-f]+ <(.*)>:$', line)
        if m:
            name = m.group(1)
            entries[name] = []
            continue
        m = re.match(r'^\s+[0-9a-f]+:\s+[0-9a-f]+\s+(\S+)\s*(.*?)\s*(?:#.*)?$', line)
        if m and name:
            entries[name].append(norm_insn(m.group(1), re.sub(r' <.*>', '', m.group(2))))
    first = entries.pop('.plt', [])
    result(first[:8] == plt0 and len(first) == 8,
           'PLT (%s): PLT0 is the document\'s' % label,
           ['document: ' + '; '.join(plt0), 'linker:   ' + '; '.join(first)])
    used = [0] * len(forms)
    odd = []
    for n, seq in entries.items():
        hits = [i for i, form in enumerate(forms)
                if strip_nops(seq) == strip_nops(form) and len(seq) == 8]
        if hits:
            used[hits[0]] += 1
        else:
            odd.append('%s: %s' % (n, '; '.join(seq)))
    result(len(entries) == NFUNC and not odd,
           'PLT (%s): each of the %d entries is one of the document\'s forms, 32 bytes'
           % (label, NFUNC), odd[:3])
    result(used[0] > 0 and used[1] > 0,
           'PLT (%s): both the short form near gp and the long form occur (%s)'
           % (label, ', '.join(str(u) for u in used)))

sys.exit(1 if failed else 0)
