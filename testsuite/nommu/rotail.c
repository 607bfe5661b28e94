/* A read-only segment with more memory than file contents (p_memsz >
   p_filesz; testsuite/nommu/malformed.py stretches this program's text
   segment over the file bytes of its data segment).  Without an MMU the
   kernel may map the text straight from the page cache, shared by every
   process and every reader of the file: the tail must be cleared in a
   copy of the process's own, not in the file.  The program checks that
   its initialised data survived; the suite also compares the file with
   an identical copy afterwards.  */
#include <stdio.h>
#include "check.h"

volatile unsigned long marker = 0x5a5aa5a5c3c33c3cUL;
const char *volatile greeting = "rotail";

int
main (void)
{
  CHECK (marker == 0x5a5aa5a5c3c33c3cUL);
  CHECK (greeting[0] == 'r');
  return checks_failed ();
}
