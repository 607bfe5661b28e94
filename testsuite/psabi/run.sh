#!/bin/bash
# The psABI document against the implementations (testsuite/psabi/conform.py:
# relocation numbers, e_flags bits, dynamic tags, assembler operators, PLT
# code), and the document renders without a warning.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib.sh"
doc=$top/psabi-spec/riscv-fdpic-psabi.adoc

check "psabi: the document renders without a warning (asciidoctor -v)" \
  asciidoctor -v --failure-level INFO -o "$PWD/riscv-fdpic-psabi.html" "$doc"
python3 "$here/conform.py" "$doc" "$top/build/src" "$T-" "$PWD"
