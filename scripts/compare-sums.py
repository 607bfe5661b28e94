#!/usr/bin/env python3
"""compare-sums.py BASELINE.sum FDPIC.sum [PREFIX...]: compare two DejaGnu
.sum files test by test.  Lists every test that passes on the baseline
and fails on FDPIC, and the reverse, with counts; PREFIXes (such as
gcc.c-torture/execute/ gcc.dg/) restrict the comparison to tests whose
name starts with one of them.  A test is its .sum line without the
status: "gcc.dg/foo.c (test for excess errors)", with " -mno-fdpic" taken
out (gcc-patches/0012 adds it to the options of base-ABI tests on FDPIC)
and runs of blanks made one.
Also lists the tests that fail on FDPIC and do not run on the baseline,
and those that pass on the baseline but are unsupported or missing on
FDPIC.  Exit status 1 if some test passes on the baseline and fails on
FDPIC, or fails on FDPIC only, else 0.  (gcc's contrib/compare_tests
reports renamed tests and expected failures as new failures: it counts
XFAIL as FAIL, and does not know the -mno-fdpic renaming.)"""
import re
import sys

GOOD = {'PASS', 'XFAIL', 'KFAIL'}
BAD = {'FAIL', 'XPASS', 'KPASS', 'UNRESOLVED', 'ERROR'}
NOT_RUN = {'UNSUPPORTED', 'UNTESTED'}


def rank(status):
    """Worse results rank higher: a failure, then a test not run."""
    return 2 if status in BAD else 1 if status in NOT_RUN else 0
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
            name = re.sub(r'\s+', ' ', name.replace(' -mno-fdpic', ''))
            if prefixes and not name.startswith(tuple(prefixes)):
                continue
            # The same name may appear more than once (several torture
            # options report identically): keep the worst result.
            if name not in res or rank(status) > rank(res[name]):
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
    fdpic_only = sorted(n for n, s in fdpic.items()
                        if s in BAD and (n not in base or base[n] in NOT_RUN))
    not_run = sorted(n for n, s in base.items()
                     if s in GOOD and (n not in fdpic or fdpic[n] in NOT_RUN))
    only_base = sum(1 for n in base if n not in fdpic)
    only_fdpic = sum(1 for n in fdpic if n not in base)
    for title, names in (('pass on the baseline, fail on FDPIC', regressed),
                         ('fail on FDPIC, not run on the baseline', fdpic_only),
                         ('fail on the baseline, pass on FDPIC', improved),
                         ('pass on the baseline, not run on FDPIC', not_run)):
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
    return 1 if regressed or fdpic_only else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
