#!/usr/bin/env python3
"""vmlog.py: read the console log of the nommu system (testsuite/nommu/init)
and turn it into the make demo report or into check results.

  vmlog.py report LOG SIDE...   print the memory report
  vmlog.py check LOG SIDE...    print PASS:/FAIL: lines for the memory
                                checks of make check-nommu

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
           'markers': set()}
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
            continue
        if cur is None:
            continue
        if kind_of_cur == 'maps':
            m = re.match(r'([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)', line)
            if m:
                cur.append((int(m.group(1), 16), int(m.group(2), 16),
                            m.group(3), m.group(4).strip()))
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
    """[(pid, busybox text, libc text, data start)] for one side."""
    out = []
    for pid, fields in sorted(log['stat'].get(label, {}).items()):
        startcode, _endcode, startdata = stat_fields(fields)
        libc = mapping_of(log['maps'][label].get(pid, []), 'libc.so.0', 'x')
        out.append((pid, startcode, libc[0] if libc else None, startdata))
    return out


def tls_block_kib(files):
    """The initial thread's static TLS block and thread descriptor, which
    the dynamic linker allocates at start-up when a module has PT_TLS (the
    threaded C library does): one page of its own (uclibc-fdpic 0043)."""
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


def report(log, sides):
    hexa = lambda v: '-' if v is None else '%#x' % v
    for label, files in sides:
        if label not in log['mem']:
            print('%s: no measurement in the log' % label)
            continue
        m, cost = per_process(log, label)
        print('%s: %s' % (label, files[0]))
        print('  %-6s %-12s %-12s %-12s' % ('pid', 'busybox text', 'libc text', 'data'))
        for pid, text, libc, data in processes(log, label):
            print('  %-6d %-12s %-12s %-12s' % (pid, hexa(text), hexa(libc), hexa(data)))
        print('  MemFree: %d KiB before, %d KiB with 1 process, %d KiB with %d'
              % (m['before'], m['first'], m['after'], m['n']))
        kstack, kslab = kernel_per_process(log, label)
        print('  per additional process: %.1f KiB (of which kernel stack %.1f, '
              'kernel slab %.1f); first process: %d KiB'
              % (cost, kstack, kslab, m['before'] - m['first']))
        w, s, b = bound_kib(files)
        print('  busybox text %d KiB; writable segments %d KiB, stack %d KiB'
              % (text_size(files[0]) // 1024, w, s))
        if label == 'fdpic':
            kernel = (kstack or 0) + (kslab or 0)
            print('  bound: writable %d + stack %d + TLS block %d + kernel %.1f + %d = %.1f KiB: %s'
                  % (w, s, tls_block_kib(files), kernel, SLACK_KIB, b + kernel,
                     'within' if cost <= b + kernel else 'EXCEEDED'))
    if all(l in log['mem'] for l in ('fdpic', 'baseline')):
        f = per_process(log, 'fdpic')[1]
        b = per_process(log, 'baseline')[1]
        print('baseline / fdpic per additional process: %.1f KiB / %.1f KiB = %.1f '
              '(at least %d wanted)'
              % (b, f, b / f if f > 0 else float('inf'), BASELINE_FACTOR))


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
        else:
            texts = {p[1] for p in procs}
            result(len(texts) == len(procs),
                   '%s: a private copy of the text in each process' % label)
            if fdpic_cost is not None:
                result(cost >= BASELINE_FACTOR * fdpic_cost,
                       '%s: %.1f KiB per additional process >= %d x fdpic (%.1f KiB)'
                       % (label, cost, BASELINE_FACTOR, fdpic_cost))
    return all(results)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ('report', 'check'):
        sys.exit(__doc__)
    log = parse_log(sys.argv[2])
    sides = side_args(sys.argv[3:])
    if sys.argv[1] == 'report':
        report(log, sides)
    else:
        sys.exit(0 if check(log, sides) else 1)


if __name__ == '__main__':
    main()
