#!/usr/bin/env python3
"""compare-sums.py BASELINE.sum FDPIC.sum [PREFIX...]: compare two DejaGnu
.sum files test by test.  Lists every test that passes on the baseline
and fails on FDPIC, and the reverse, with counts; PREFIXes (such as
gcc.c-torture/execute/ gcc.dg/) restrict the comparison to tests whose
name starts with one of them.  A test is its .sum line without the
status: "gcc.dg/foo.c (test for excess errors)".  Exit status 1 if some
test regressed, else 0."""
import re
import sys

GOOD = {'PASS', 'XFAIL', 'KFAIL'}
BAD = {'FAIL', 'XPASS', 'KPASS', 'UNRESOLVED', 'ERROR'}
LINE = re.compile(r'^(PASS|FAIL|XPASS|XFAIL|KPASS|KFAIL|UNRESOLVED|'
                  r'UNSUPPORTED|UNTESTED|ERROR): (.*)$')


def read(path, prefixes):
    res = {}
    with open(path, errors='replace') as f:
        for line in f:
            m = LINE.match(line.rstrip('\n'))
            if not m:
                continue
            status, name = m.groups()
            if prefixes and not name.startswith(tuple(prefixes)):
                continue
            # The same name may appear more than once (several torture
            # options report identically): keep the worst result.
            if res.get(name) in BAD:
                continue
            res[name] = status
    return res


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    base = read(argv[1], argv[3:])
    fdpic = read(argv[2], argv[3:])
    regressed = sorted(n for n, s in base.items()
                       if s in GOOD and fdpic.get(n) in BAD)
    improved = sorted(n for n, s in fdpic.items()
                      if s in GOOD and base.get(n) in BAD)
    only_base = sum(1 for n in base if n not in fdpic)
    only_fdpic = sum(1 for n in fdpic if n not in base)
    for title, names in (('pass on the baseline, fail on FDPIC', regressed),
                         ('fail on the baseline, pass on FDPIC', improved)):
        print('%s: %d' % (title, len(names)))
        for n in names:
            print('  ' + n)
    print('tests only in the baseline run: %d, only in the FDPIC run: %d'
          % (only_base, only_fdpic))
    for label, res in (('baseline', base), ('FDPIC', fdpic)):
        counts = {}
        for s in res.values():
            counts[s] = counts.get(s, 0) + 1
        print('%s: %s' % (label, ', '.join('%s %d' % kv
                                           for kv in sorted(counts.items()))))
    return 1 if regressed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
