"""wellformed.py: the psABI's rules for a module, as the fuzz campaign's
second oracle.

A mutation can give a file that breaks no rule of the psABI and means
something else: a relocation addend that names another address of the
module, an entry point moved to another even address of the text, a
symbol made local.  Such a program may crash before main, as any program
with a bug may; no loader can tell it from the intended file, and none
should refuse it.  fuzz.py asks check(ELF, NEW) about each case that
failed before main without a loader message.  The case is "valid"
(another meaning) only if
  - every byte the mutation changed belongs to a field with a rule below
    (e_entry, a relocation, a dynamic symbol's binding, type, section or
    value, a lazy PLT slot's word, a .rofixup entry): headers, dynamic
    entries, hash tables, strings and symbol visibility have no rule here,
    so a change to them is never proven valid; and
  - the whole mutated file, read at the unmutated file's places (only
    contents changed, not the layout), keeps every rule: every relocation,
    every symbol, every PLT slot, the whole .rofixup table, the entry point.
Otherwise the case stays a finding.

The rules are written from psabi-spec/riscv-fdpic-psabi.adoc, sections
"Dynamic relocations", "The dynamic linker's duties", "Slot
initialisation", "Layout" (of the GOT), "Static executables and .rofixup"
and "Address translation"; the entry point's from qemu-riscv64's rule
documented in "Kernel-to-user register contract" (in the file part of an
executable segment).  They are not taken from the loaders' code.  Some
are stricter than the document (an address 0 is never an address of code;
relocation places do not overlap each other, the dynamic section or
GOT[0..2]); none is looser.
"""
import struct

PT_LOAD, PT_DYNAMIC, PT_TLS, PT_GNU_RELRO = 1, 2, 7, 0x6474e552
PF_X, PF_W = 1, 2
R_NONE, R_64, R_RELATIVE = 0, 2, 3
R_DTPMOD64, R_DTPREL64, R_TPREL64 = 7, 9, 11
R_FUNCDESC_VALUE, R_FUNCDESC = 189, 190
DYN_TYPES = {R_NONE, R_64, R_RELATIVE, R_DTPMOD64, R_DTPREL64, R_TPREL64,
             R_FUNCDESC_VALUE, R_FUNCDESC}
STB_LOCAL, STB_GLOBAL, STB_WEAK = 0, 1, 2
STT_NOTYPE, STT_OBJECT, STT_FUNC, STT_SECTION, STT_TLS = 0, 1, 2, 3, 6
SHN_UNDEF, SHN_ABS = 0, 0xfff1
DT_STRSZ, DT_PLTGOT, DT_FLAGS, DT_FLAGS_1, DT_RELACOUNT = 10, 3, 30, 0x6ffffffb, 0x6ffffff9
DF_BIND_NOW, DF_1_NOW = 8, 1

# The fields a mutation may change and still give a well-formed file.
RULED = ('e_entry', '.rela.', '.plt-slot[', '.rofixup[')
RULED_SYM = ('.st_info', '.st_shndx', '.st_value')


class Module:
    """The unmutated file's segments; readers of its tables, at their
    unmutated places, in a (possibly mutated) copy DATA."""

    def __init__(self, elf, data):
        self.elf, self.data = elf, data
        self.loads = elf.loads     # (type, flags, offset, vaddr, paddr, filesz, memsz, align, at)
        self.tls = [p for p in elf.phdrs if p[0] == PT_TLS]
        self.relro = [p for p in elf.phdrs if p[0] == PT_GNU_RELRO]
        self.dynamic = [p for p in elf.phdrs if p[0] == PT_DYNAMIC]
        self.shnum, = struct.unpack_from('<H', elf.data, 60)
        self.relacount = elf.dyn.get(DT_RELACOUNT, 0)
        self.pltgot = elf.dyn.get(DT_PLTGOT)
        # A module that may be bound lazily ("Slot initialisation"; with
        # -z now the slots may be in RELRO and PLT0 omitted).
        self.lazy = not (elf.dyn.get(DT_FLAGS, 0) & DF_BIND_NOW or
                         elf.dyn.get(DT_FLAGS_1, 0) & DF_1_NOW)
        self.tables = {name: (start, size) for name, start, size in elf.tables}

    def inmem(self, a):
        """A non-zero address of the module (one past a segment's end
        included)."""
        return a != 0 and any(p[3] <= a <= p[3] + p[6] for p in self.loads)

    def place(self, a, n):
        """N bytes at A wholly inside one writable segment."""
        return any(p[1] & PF_W and p[3] <= a and a + n <= p[3] + p[6] for p in self.loads)

    def code(self, a):
        """A non-zero even address in the file part of an executable segment."""
        return a is not None and a != 0 and a % 2 == 0 and \
            any(p[1] & PF_X and p[3] <= a < p[3] + p[5] for p in self.loads)

    def word(self, a):
        """The 8 bytes at link-time address A in the file image (0 in bss),
        or None outside the segments."""
        for p in self.loads:
            if p[3] <= a and a + 8 <= p[3] + p[6]:
                o = a - p[3]
                if o + 8 <= p[5]:
                    return struct.unpack_from('<Q', self.data, p[2] + o)[0]
                return 0
        return None

    def rels(self, name):
        if name not in self.tables:
            return []
        start, size = self.tables[name]
        out = []
        for i in range(size // 24):
            off, info, add = struct.unpack_from('<QQq', self.data, start + 24 * i)
            out.append((off, info & 0xffffffff, info >> 32, add))
        return out

    def nsyms(self):
        return self.tables['.dynsym'][1] // 24 if '.dynsym' in self.tables else 0

    def sym(self, i, data=None):
        o = self.tables['.dynsym'][0] + 24 * i
        _, info, _, shndx, value, _ = struct.unpack_from('<IBBHQQ', data or self.data, o)
        return info >> 4, info & 15, shndx, value


def symbol_ok(m, i):
    """Symbol I: a binding and type the psABI knows, and a defined
    symbol's value an address of the module (an STT_FUNC's code, an
    STT_TLS's inside PT_TLS)."""
    bind, typ, shndx, value = m.sym(i)
    if bind not in (STB_LOCAL, STB_GLOBAL, STB_WEAK):
        return 'binding %d' % bind
    if typ not in (STT_NOTYPE, STT_OBJECT, STT_FUNC, STT_SECTION, STT_TLS):
        return 'type %d' % typ
    if typ == STT_SECTION and bind != STB_LOCAL:
        return 'global section symbol'
    if shndx == SHN_UNDEF:
        # Resolved in another module or refused; but a symbol that the
        # file defined does not become a reference (ld.so has none).
        return None if m.sym(i, m.elf.data)[2] == SHN_UNDEF else 'definition made undefined'
    if shndx == SHN_ABS or shndx >= m.shnum:
        return 'section index %#x' % shndx
    if typ == STT_TLS:
        return None if any(value < p[6] for p in m.tls) else 'TLS value outside PT_TLS'
    if typ == STT_FUNC:
        return None if m.code(value) else 'function value not code'
    return None if m.inmem(value) else 'value outside the module'


def reloc_ok(m, name, i, r, first):
    """Relocation R (number I of table NAME) keeps the rules of "Dynamic
    relocations" and, in .rela.plt, of "Slot initialisation"; FIRST is the
    place of the table's first entry.  Returns why not, or None, and the
    bytes it writes as (place, length) in the second item."""
    off, typ, sym, add = r
    if typ not in DYN_TYPES:
        return 'type %d' % typ, None
    if sym >= m.nsyms():
        return 'symbol index %d' % sym, None
    if name == '.rela.dyn' and i < m.relacount and typ != R_RELATIVE:
        return 'not RELATIVE inside DT_RELACOUNT', None
    if name == '.rela.plt':
        if typ != R_FUNCDESC_VALUE or sym == 0 or add != 0:
            return 'PLT relocation not FUNCDESC_VALUE, symbol, addend 0', None
        if i and off <= m.rels(name)[i - 1][0]:
            return 'PLT places not increasing', None
        if m.lazy:
            if off != first + 16 * i:
                return 'PLT slots not contiguous', None
            if any(p[3] <= off < p[3] + p[6] for p in m.relro):
                return 'PLT slot in PT_GNU_RELRO', None
            if not m.code(m.word(off)):
                return 'PLT slot word not code', None
    if typ == R_NONE:
        return None, None
    size = 16 if typ == R_FUNCDESC_VALUE else 8
    if typ == R_FUNCDESC_VALUE and off % 8:
        return 'descriptor place misaligned', None
    if not m.place(off, size):
        return 'place outside the writable segments', None
    where = (off, size)
    if typ == R_RELATIVE:
        if sym:
            return 'RELATIVE with a symbol', where
        return (None if m.inmem(add) else 'RELATIVE addend not an address of the module'), where
    if typ == R_FUNCDESC_VALUE and sym == 0:
        return (None if m.code(add) else 'local descriptor entry not code'), where
    if typ == R_DTPMOD64 and sym == 0:
        return (None if m.tls else 'module ID of a module without PT_TLS'), where
    if sym == 0:
        return 'symbol index 0', where
    if typ == R_FUNCDESC and add:
        return 'FUNCDESC addend', where
    bind, styp, shndx, value = m.sym(sym)
    if typ in (R_DTPREL64, R_TPREL64, R_DTPMOD64):
        return (None if styp == STT_TLS else 'TLS relocation against a non-TLS symbol'), where
    if styp == STT_TLS:
        return 'TLS symbol in an address relocation', where
    if typ in (R_FUNCDESC, R_FUNCDESC_VALUE):
        if styp != STT_FUNC and (styp != STT_NOTYPE or shndx != SHN_UNDEF):
            return 'descriptor of a non-function', where
        if shndx != SHN_UNDEF and not m.code(value + add):
            return 'descriptor entry not code', where
        return None, where
    return None, where   # R_RISCV_64: S + A, any addend


def rofixup_ok(m):
    """.rofixup: entries 0..N-2 strictly increasing places in the writable
    segments, each word holding a non-zero address of the module; entry
    N-1 (the GOT) unchanged (the start-up code checks it against gp).
    Returns why not, and the words it translates."""
    if '.rofixup' not in m.tables:
        return None, []
    start, size = m.tables['.rofixup']
    n = size // 8
    ent = struct.unpack_from('<%dQ' % n, m.data, start)
    if not n or not m.place(ent[-1], 8):
        return 'GOT entry not in a writable segment', []
    prev = 0
    for a in ent[:-1]:
        if a <= prev or not m.place(a, 8):
            return 'entry %#x not increasing or not in a writable segment' % a, []
        if not m.inmem(m.word(a)):
            return 'entry %#x: its word is not an address of the module' % a, []
        prev = a
    return None, [(a, 8) for a in ent[:-1]]


def truncated_ok(elf, new, i):
    """Dynamic entry I became DT_NULL: the section ends there, and what
    remains still has what "The dynamic linker's duties" requires (the
    tables a dynamic linker needs, DT_RELA/DT_RELASZ and
    DT_JMPREL/DT_PLTRELSZ in pairs): a module with fewer relocations."""
    start = [p for p in elf.phdrs if p[0] == PT_DYNAMIC][0][2]
    if struct.unpack_from('<q', new, start + 16 * i)[0] != 0:
        return 'another tag than DT_NULL'
    tags = {struct.unpack_from('<q', new, start + 16 * j)[0] for j in range(i)}
    if not {3, 4, 5, 6, 10} <= tags:       # PLTGOT HASH STRTAB SYMTAB STRSZ
        return 'a table the dynamic linker needs is gone'
    if (7 in tags) != (8 in tags) or (23 in tags) != (2 in tags):
        return 'half a pair of tags'
    if DT_RELACOUNT in tags and 8 not in tags:
        return 'DT_RELACOUNT without DT_RELASZ'
    return None


def check(elf, new):
    """None if NEW, the file ELF describes with some bytes changed, is
    proven well-formed as the module docstring says; else why not."""
    orig = elf.data
    if len(new) != len(orig):
        return 'size changed'
    m0, strsz = Module(elf, orig), elf.dyn.get(DT_STRSZ, 0)
    for o in (o for o in range(len(orig)) if orig[o] != new[o]):
        if any(f[0] <= o < f[0] + f[1] for f in elf.ignored):
            continue                      # read by no loader
        hit = [f[2] for f in elf.fields if f[0] <= o < f[0] + f[1]]
        if not hit:
            return 'byte %#x outside the fields the loaders read' % o
        label = hit[0].split('(')[0]
        if label.startswith('sym[') and label.endswith('.st_name'):
            # Another name for a reference (a definition would no longer
            # be where the hash table says).
            i = int(label[4:label.index(']')])
            if m0.sym(i)[2] != SHN_UNDEF or m0.sym(i, new)[2] != SHN_UNDEF or \
                    struct.unpack_from('<I', new, m0.tables['.dynsym'][0] + 24 * i)[0] >= strsz:
                return '%s: not a reference, or outside the string table' % label
        elif label == 'e_flags':
            # The bits the loaders act on: FDPIC, independent segments,
            # float ABI, RVE.  Others mean nothing to a loader.
            keep = 0x800000 | 0x400000 | 0x6 | 0x8
            if (struct.unpack_from('<I', new, 48)[0] ^ struct.unpack_from('<I', orig, 48)[0]) & keep:
                return 'e_flags: a bit the loaders act on'
        elif label.startswith('dyn[') and label.endswith('.d_tag'):
            why = truncated_ok(elf, new, int(label[4:label.index(']')]))
            if why:
                return '%s: %s' % (label, why)
        elif not (label.startswith(RULED) or
                  (label.startswith('sym[') and label.endswith(RULED_SYM))):
            return '%s: no rule' % label
    m = Module(elf, new)
    entry, = struct.unpack_from('<Q', new, 24)
    if entry != struct.unpack_from('<Q', orig, 24)[0] and not m.code(entry):
        return 'e_entry: not code'
    for i in range(1, m.nsyms()):
        why = symbol_ok(m, i)
        if why:
            return 'sym[%d]: %s' % (i, why)
    writes = []
    for name in ('.rela.dyn', '.rela.plt'):
        rels = m.rels(name)
        for i, r in enumerate(rels):
            why, where = reloc_ok(m, name, i, r, rels[0][0])
            if why:
                return '%s[%d]: %s' % (name, i, why)
            if where:
                writes.append(where)
    why, words = rofixup_ok(m)
    if why:
        return '.rofixup: ' + why
    return None
