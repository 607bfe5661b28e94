#!/usr/bin/env python3
"""vmlog.py: read the console log of the nommu system (testsuite/nommu/init)
and turn it into the make demo report or into check results.

  vmlog.py report LOG SIDE... [flash=LOG2]
                                print the memory report (LOG2: the same
                                measurement booted from flash, a third
                                column)
  vmlog.py check LOG SIDE...    print PASS:/FAIL: lines for the memory
                                checks of make check-nommu
  vmlog.py xip LOG [INITRAMFS-LOG SIDE]
                                print PASS:/FAIL: lines for the boot from
                                flash (testsuite/nommu/xip-check.sh): text
                                in the flash range, data in RAM, misaligned
                                files copied; with the log of a boot from
                                an initramfs holding the same files and the
                                fdpic SIDE, the MemFree the flash saves

SIDE is LABEL=BUSYBOX[,LIBRARY...]: the busybox of that side of the
comparison (fdpic: the FDPIC busybox, libc.so.0 and ld-uClibc.so.1;
baseline: the static PIE), whose ELF files give the writable segment
sizes and the stack size for the per-process bound.

Per-process cost: MemFree after the first process minus MemFree after all
N, divided by N - 1 (the first process also pays for what is loaded once:
the shared text).  The FDPIC bound is the page-rounded writable segments
of busybox, libc and the dynamic linker, plus the stack, plus the initial
thread's TLS block (one page, when a module has PT_TLS: the threaded C
library), plus what the kernel allocates for the task, plus 16 KiB; the
baseline must cost at least
5 times the FDPIC figure.  The kernel's part (its stack, THREAD_SIZE = 16
KiB on riscv64, and slab objects: task, mm, VMAs, files, signals; 5-11
KiB) is measured as the growth of KernelStack and Slab in /proc/meminfo:
it is there whatever the program, and without it any process at all would
miss a bound of 16 KiB over its own memory.
"""
import re
import struct
import sys

PAGE = 4096
SLACK_KIB = 16
BASELINE_FACTOR = 5


def parse_log(path):
    """Sections of the log: mem[label] = dict, stat[label][pid] = fields,
    maps[label][pid] = [(start, end, perms, path)], runs[name] =
    (stdout lines, stderr lines, rc), dmesg = lines."""
    log = {'mem': {}, 'kernel': {}, 'stat': {}, 'maps': {}, 'runs': {}, 'dmesg': [],
           'markers': set(), 'flash': None, 'settled': None, 'steps': {}}
    cur, kind_of_cur = None, None
    with open(path, errors='replace') as f:
        lines = [l.rstrip('\r\n').replace('\r', '') for l in f]
    for line in lines:
        if line.startswith('=== '):
            words = line[4:].split()
            kind = words[0] if words else ''
            log['markers'].add(kind)
            cur, kind_of_cur = None, 'lines'
            if kind == 'MEM':
                vals = dict(w.split('=', 1) for w in words[2:])
                log['mem'][words[1]] = {k: int(v) for k, v in vals.items()}
            elif kind == 'KERNEL':
                nums = [int(x) for x in re.findall(r'=(\d+)', line)]
                log['kernel'][words[1]] = dict(zip(
                    ('stack_first', 'slab_first', 'stack_after', 'slab_after'), nums))
            elif kind == 'STAT':
                log['stat'].setdefault(words[1], {})[int(words[2])] = words[3:]
            elif kind == 'MAPS':
                cur = log['maps'].setdefault(words[1], {}).setdefault(
                    int(words[2]), [])
                kind_of_cur = 'maps'
            elif kind == 'RUN':
                run = log['runs'][words[1]] = [[], [], None]
                cur = run[0]
            elif kind == 'STDERR':
                cur = log['runs'][words[1]][1]
            elif kind == 'RC':
                log['runs'][words[1]][2] = int(words[2])
            elif kind == 'DMESG':
                cur = log['dmesg']
            elif kind == 'FLASH':
                m = re.match(r'=== FLASH\s+([0-9a-f]+)-([0-9a-f]+) ', line)
                if m:
                    log['flash'] = (int(m.group(1), 16), int(m.group(2), 16) + 1)
            elif kind == 'SETTLED':
                # The first: vm-check.sh and xip-check.sh print it before
                # their tests, measure.sh again after them.
                if log['settled'] is None:
                    log['settled'] = int(line.split('=')[-1])
            elif kind == 'STEPS':
                log['steps'][words[1]] = [int(w) for w in words[2:]]
            continue
        if cur is None:
            continue
        if kind_of_cur == 'maps':
            cur.extend(maps_lines([line]))
        else:
            cur.append(line)
    return log


def program_headers(path):
    """(p_type, p_flags, p_vaddr, p_memsz) of each program header of an
    ELF64 file."""
    data = open(path, 'rb').read()
    phoff, = struct.unpack_from('<Q', data, 0x20)
    phentsize, phnum = struct.unpack_from('<HH', data, 0x36)
    for i in range(phnum):
        p_type, p_flags, _off, vaddr, _pa, _filesz, memsz, _al = \
            struct.unpack_from('<IIQQQQQQ', data, phoff + i * phentsize)
        yield p_type, p_flags, vaddr, memsz


def elf_sizes(path):
    """(writable bytes page-rounded, stack size) of an ELF64 file."""
    writable = stack = 0
    for p_type, p_flags, vaddr, memsz in program_headers(path):
        if p_type == 1 and p_flags & 2:              # PT_LOAD, PF_W
            start = vaddr & ~(PAGE - 1)
            end = (vaddr + memsz + PAGE - 1) & ~(PAGE - 1)
            writable += end - start
        elif p_type == 0x6474e551:                   # PT_GNU_STACK
            stack = memsz
    return writable, stack


def side_args(args):
    sides = []
    for a in args:
        label, files = a.split('=', 1)
        sides.append((label, files.split(',')))
    return sides


def stat_fields(fields):
    # /proc/PID/stat: pid (comm) state ...; startcode is field 26, endcode
    # 27, start_data 45 (1-based, proc(5)).  comm is "(busybox)": no spaces.
    return int(fields[25]), int(fields[26]), int(fields[44])


def per_process(log, label):
    m = log['mem'][label]
    n = m['n']
    return m, (m['first'] - m['after']) / (n - 1)


def kernel_per_process(log, label):
    """(kernel stack, slab) KiB per additional process."""
    k = log['kernel'].get(label)
    if not k:
        return None, None
    n = log['mem'][label]['n']
    return ((k['stack_after'] - k['stack_first']) / (n - 1),
            (k['slab_after'] - k['slab_first']) / (n - 1))


def mapping_of(maps, suffix, want):
    for start, end, perms, path in maps:
        if path.endswith(suffix) and want in perms:
            return start, end
    return None


def processes(log, label):
    """[(pid, busybox text, libc text, data start, ld.so text)] for one
    side."""
    out = []
    for pid, fields in sorted(log['stat'].get(label, {}).items()):
        startcode, _endcode, startdata = stat_fields(fields)
        maps = log['maps'][label].get(pid, [])
        libc = mapping_of(maps, 'libc.so.0', 'x')
        ldso = mapping_of(maps, 'ld-uClibc.so.1', 'x')
        out.append((pid, startcode, libc[0] if libc else None, startdata,
                    ldso[0] if ldso else None))
    return out


def tls_block_kib(files):
    """The initial thread's static TLS block and thread descriptor, which
    the dynamic linker allocates at start-up when a module has PT_TLS (the
    threaded C library does): one page of its own (uclibc-fdpic 0042)."""
    has_tls = any(p_type == 7 for f in files for p_type, _f, _v, _m in program_headers(f))
    return PAGE / 1024 if has_tls else 0


def bound_kib(files):
    writable = sum(elf_sizes(f)[0] for f in files)
    stack = elf_sizes(files[0])[1] or 128 * 1024
    stack = max((stack + PAGE - 1) & ~(PAGE - 1), 2 * PAGE)
    return (writable / 1024, stack / 1024,
            writable / 1024 + stack / 1024 + tls_block_kib(files) + SLACK_KIB)


def text_size(path):
    """Bytes of the executable PT_LOADs of an ELF64 file."""
    return sum(memsz for p_type, p_flags, _v, memsz in program_headers(path)
               if p_type == 1 and p_flags & 1)


def spread(log, label):
    """(min, median, max) KiB of the MemFree drops that the N - 1
    additional processes caused one by one (measure.sh's STEPS), or None."""
    steps = log['steps'].get(label)
    if not steps or len(steps) < 2:
        return None
    drops = sorted(a - b for a, b in zip(steps, steps[1:]))
    return drops[0], drops[len(drops) // 2], drops[-1]


def side_report(log, label, files, title):
    hexa = lambda v: '-' if v is None else '%#x' % v
    if label not in log['mem']:
        print('%s: no measurement in the log' % title)
        return
    m, cost = per_process(log, label)
    print('%s: %s' % (title, files[0]))
    print('  %-6s %-12s %-12s %-12s %-12s'
          % ('pid', 'busybox text', 'libc text', 'ld.so text', 'data'))
    for pid, text, libc, data, ldso in processes(log, label):
        print('  %-6d %-12s %-12s %-12s %-12s'
              % (pid, hexa(text), hexa(libc), hexa(ldso), hexa(data)))
    print('  MemFree: %s KiB at rest after boot; %d KiB before, %d KiB with 1 process, '
          '%d KiB with %d' % (log['settled'], m['before'], m['first'], m['after'], m['n']))
    kstack, kslab = kernel_per_process(log, label)
    print('  per additional process: %.1f KiB (of which kernel stack %.1f, '
          'kernel slab %.1f); first process: %d KiB'
          % (cost, kstack, kslab, m['before'] - m['first']))
    sp = spread(log, label)
    if sp:
        print('  spread: the %d additional processes took %d to %d KiB each '
              '(median %d): slab pages fall to one process in a few'
              % (m['n'] - 1, sp[0], sp[2], sp[1]))
    w, s, b = bound_kib(files)
    print('  busybox text %d KiB; writable segments %d KiB, stack %d KiB'
          % (text_size(files[0]) // 1024, w, s))
    if label == 'fdpic':
        kernel = (kstack or 0) + (kslab or 0)
        print('  bound: writable %d + stack %d + TLS block %d + kernel %.1f + %d = %.1f KiB: %s'
              % (w, s, tls_block_kib(files), kernel, SLACK_KIB, b + kernel,
                 'within' if cost <= b + kernel else 'EXCEEDED'))


def report(log, sides, flash=None):
    for label, files in sides:
        side_report(log, label, files, label)
    if flash is not None:
        for label, files in sides:
            if label == 'fdpic':
                side_report(flash, label, files, 'fdpic from flash')
    if all(l in log['mem'] for l in ('fdpic', 'baseline')):
        f = per_process(log, 'fdpic')[1]
        b = per_process(log, 'baseline')[1]
        print('baseline / fdpic per additional process: %.1f KiB / %.1f KiB = %.1f '
              '(at least %d wanted)'
              % (b, f, b / f if f > 0 else float('inf'), BASELINE_FACTOR))
    if flash is None or not all(l in log['mem'] for l in ('fdpic', 'baseline')) \
            or 'fdpic' not in flash['mem']:
        return
    # Side by side: FDPIC from the initramfs, FDPIC from flash, the status quo.
    cols = [(log, 'fdpic'), (flash, 'fdpic'), (log, 'baseline')]

    def text_at(lg, label, which):
        # One address for all processes, or how many private copies.
        addrs = {p[which] for p in processes(lg, label)}
        if None in addrs:
            return '(none)'
        return '%#x' % addrs.pop() if len(addrs) == 1 else '%d copies' % len(addrs)

    def kib(v):
        return '-' if v is None else '%d KiB' % v
    rows = [
        ('busybox text at', [text_at(lg, l, 1) for lg, l in cols]),
        ('libc text at', [text_at(lg, l, 2) for lg, l in cols]),
        ('ld.so text at', [text_at(lg, l, 4) for lg, l in cols]),
        ('MemFree at rest', [kib(cols[0][0]['settled']), kib(flash['settled']), '(as fdpic)']),
        ('first process', [kib(lg['mem'][l]['before'] - lg['mem'][l]['first']) for lg, l in cols]),
        ('each additional', ['%.1f KiB' % per_process(lg, l)[1] for lg, l in cols]),
    ]
    print()
    print('%-18s %-16s %-16s %-16s' % ('', 'fdpic', 'fdpic from flash', 'status quo'))
    for name, vals in rows:
        print('%-18s %-16s %-16s %-16s' % (name, vals[0], vals[1], vals[2]))


def check(log, sides):
    results = []

    def result(ok, name, detail=''):
        results.append(ok)
        print('%s: %s%s' % ('PASS' if ok else 'FAIL', name,
                            '' if ok or not detail else '\n  ' + detail))

    fdpic_cost = None
    for label, files in sides:
        if label not in log['mem']:
            result(False, '%s: measured' % label, 'no MEM line in the log')
            continue
        procs = processes(log, label)
        m, cost = per_process(log, label)
        result(len(procs) == m['n'] and m['n'] >= 2,
               '%s: %d processes found' % (label, m['n']),
               '%d stat lines' % len(procs))
        datas = [p[3] for p in procs]
        result(len(set(datas)) == len(datas),
               '%s: writable data at a different address in each process' % label,
               ' '.join('%#x' % d for d in datas))
        if label == 'fdpic':
            texts = {p[1] for p in procs}
            libcs = {p[2] for p in procs}
            mapped = {(mapping_of(log['maps'][label].get(p[0], []), '/busybox', 'x')
                       or (None,))[0] for p in procs}
            result(len(texts) == 1 and texts == mapped,
                   'fdpic: busybox text at one address in all processes',
                   'stat: %s, maps: %s' % (' '.join('%#x' % t for t in texts), mapped))
            result(len(libcs) == 1 and None not in libcs,
                   'fdpic: libc text at one address in all processes',
                   ' '.join(str(t) for t in libcs))
            w, s, bound = bound_kib(files)
            kstack, kslab = kernel_per_process(log, label)
            result(kstack is not None and 0 < kstack <= 16 and 0 <= kslab <= 32,
                   'fdpic: kernel memory per process measured (stack %.1f KiB, slab %.1f KiB)'
                   % (kstack or -1, kslab or -1))
            kernel = (kstack or 0) + (kslab or 0)
            result(cost <= bound + kernel,
                   'fdpic: %.1f KiB per additional process <= %.1f KiB '
                   '(writable %d + stack %d + TLS block %d + kernel %.1f + %d)'
                   % (cost, bound + kernel, w, s, tls_block_kib(files), kernel, SLACK_KIB))
            fdpic_cost = cost
            # What ld.so maps without a file name: the writable segments
            # of the libraries it loads (libc), the initial thread's TLS
            # block and its own start-up heap, which should fit in the
            # rest of ld.so's last data page and of the TLS block's page
            # (uclibc-fdpic 0042, 0055): a page more is memory in every
            # process.
            libs = files[1:-1]
            want = sum(elf_sizes(f)[0] for f in libs) + tls_block_kib(files) * 1024
            anon = {pid: sum(e - b for b, e, perms, path in log['maps'][label].get(pid, [])
                             if not path and 'w' in perms)
                    for pid, *_ in procs}
            result(anon and max(anon.values()) <= want,
                   'fdpic: ld.so maps at most %d KiB without a file per process (libraries\' '
                   'writable segments %d, TLS block %d, no page of start-up heap)'
                   % (want // 1024, sum(elf_sizes(f)[0] for f in libs) // 1024,
                      tls_block_kib(files)),
                   ' '.join('%d: %d KiB' % (p, a // 1024) for p, a in sorted(anon.items())))
        else:
            texts = {p[1] for p in procs}
            result(len(texts) == len(procs),
                   '%s: a private copy of the text in each process' % label)
            if fdpic_cost is not None:
                result(cost >= BASELINE_FACTOR * fdpic_cost,
                       '%s: %.1f KiB per additional process >= %d x fdpic (%.1f KiB)'
                       % (label, cost, BASELINE_FACTOR, fdpic_cost))
    return all(results)


MAPS_RE = re.compile(r'([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)')


def maps_lines(lines):
    """/proc/PID/maps lines -> [(start, end, perms, path)]."""
    out = []
    for line in lines:
        m = MAPS_RE.match(line)
        if m:
            out.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3),
                        m.group(4).strip()))
    return out


# The files whose text must run from the flash in a boot from flash: the
# FDPIC busybox, the dynamic linker, libc, and the test programs and
# libraries (xip-check.sh).
XIP_TEXT = ('/bin/busybox', '/lib/ld-uClibc.so.1', '/lib/libc.so.0', '/tests/')


def xip(log, ramlog=None, files=()):
    results = []

    def result(ok, name, detail=''):
        results.append(ok)
        print('%s: %s%s' % ('PASS' if ok else 'FAIL', name,
                            '' if ok or not detail else '\n  ' + detail))

    flash = log['flash']
    result(flash is not None, 'flash: the MTD ROM device is in /proc/iomem')
    if flash is None:
        return False
    lo, hi = flash
    in_flash = lambda a: lo <= a < hi
    # Every mapping printed: measure.sh's processes and the maps-* runs.
    sections = [('%s %d' % (label, pid), maps)
                for label, procs in sorted(log['maps'].items())
                for pid, maps in sorted(procs.items())]
    for name, run in sorted(log['runs'].items()):
        if name.startswith('maps-') and run[2] == 0:
            sections.append((name, maps_lines(run[0])))
    seen, bad_text, bad_data = set(), [], []
    for name, maps in sections:
        for start, end, perms, path in maps:
            if not path.startswith(XIP_TEXT):
                continue
            if 'x' in perms:
                seen.add(path)
                if not in_flash(start) or start % PAGE:
                    bad_text.append('%s: %s text at %#x' % (name, path, start))
            elif 'w' in perms and in_flash(start):
                bad_data.append('%s: %s writable at %#x' % (name, path, start))
    want = {'/bin/busybox', '/lib/ld-uClibc.so.1', '/lib/libc.so.0', '/tests/xipmaps',
            '/tests/liba.so', '/tests/libplug.so'}
    result(want <= seen, 'flash: text mappings of %s found' % ', '.join(sorted(want)),
           'missing: %s' % ', '.join(sorted(want - seen)))
    result(not bad_text, 'flash: %d text mappings, all in the flash [%#x, %#x) '
           'and page aligned' % (sum(1 for _n, maps in sections for m in maps
                                     if m[3].startswith(XIP_TEXT) and 'x' in m[2]), lo, hi),
           '\n  '.join(bad_text[:10]))
    result(not bad_data, 'flash: writable segments in RAM', '\n  '.join(bad_data[:10]))
    # Files whose data is not page aligned on the flash: copied into RAM,
    # page aligned there, with the kernel's message naming them.
    for run, path in (('misaligned-exe', '/misaligned/busybox'),
                      ('misaligned-lib', '/misaligned/libc.so.0')):
        out, _err, rc = log['runs'].get(run, ([], [], None))
        text = [m for m in maps_lines(out) if m[3] == path and 'x' in m[2]]
        msg = [l for l in log['dmesg']
               if re.search(r'romfs: %s: .* not page aligned' % re.escape(path), l)]
        result(rc == 0 and len(text) == 1 and not in_flash(text[0][0])
               and text[0][0] % PAGE == 0 and len(msg) == 1,
               'flash: %s (data not page aligned) runs from a page-aligned copy in RAM, '
               'with a kernel message' % path,
               'status %s, text %s, messages %s' % (rc, ['%#x' % m[0] for m in text], msg))
    if ramlog is not None:
        ram, rom = ramlog['settled'], log['settled']
        text = sum(text_size(f) for f in files)
        result(ram is not None and rom is not None and rom - ram >= text / 1024,
               'flash: MemFree after boot %s KiB against %s KiB from the initramfs: '
               '%s KiB more (busybox, ld.so and libc text: %d KiB)'
               % (rom, ram, None if None in (ram, rom) else rom - ram, text // 1024))
    return all(results)


def main():
    if len(sys.argv) in (3, 5) and sys.argv[1] == 'xip':
        if len(sys.argv) == 5:
            ok = xip(parse_log(sys.argv[2]), parse_log(sys.argv[3]),
                     side_args(sys.argv[4:])[0][1])
        else:
            ok = xip(parse_log(sys.argv[2]))
        sys.exit(0 if ok else 1)
    if len(sys.argv) < 4 or sys.argv[1] not in ('report', 'check'):
        sys.exit(__doc__)
    log = parse_log(sys.argv[2])
    flash = [a for a in sys.argv[3:] if a.startswith('flash=')]
    sides = side_args([a for a in sys.argv[3:] if not a.startswith('flash=')])
    if sys.argv[1] == 'report':
        report(log, sides, parse_log(flash[0][6:]) if flash else None)
    else:
        sys.exit(0 if check(log, sides) else 1)


if __name__ == '__main__':
    main()
