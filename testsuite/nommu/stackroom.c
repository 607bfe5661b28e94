/* A program that asks for a small stack (PT_GNU_STACK, -z stack-size)
   still gets room for its arguments: without an MMU the kernel allocates
   the stack once and copies the argument and environment strings, the
   load maps and the tables to its top.  "stackroom" re-executes itself
   with a 16 KiB argument; "stackroom check ARG" then checks that its
   stack pointer, its argument strings and its environment all lie in one
   mapping (/proc/self/maps), with at least a page free below the stack
   pointer.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define BIG (16 * 1024)

extern char **environ;

/* The mapping [*lo, *hi) of /proc/self/maps that holds ADDR.  */
static int
mapping_of (unsigned long addr, unsigned long *lo, unsigned long *hi)
{
  char line[256];
  FILE *f = fopen ("/proc/self/maps", "r");
  int found = 0;
  while (f && !found && fgets (line, sizeof line, f))
    if (sscanf (line, "%lx-%lx", lo, hi) == 2 && addr >= *lo && addr < *hi)
      found = 1;
  if (f)
    fclose (f);
  return found;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      char *big = malloc (BIG + 1);
      if (!big)
	return 2;
      memset (big, 'x', BIG);
      big[BIG] = 0;
      char *args[] = { argv[0], "check", big, 0 };
      execve (argv[0], args, environ);
      perror ("execve");
      return 2;
    }

  volatile char here = 0;
  unsigned long sp = (unsigned long) &here, lo = 0, hi = 0;
  CHECK (mapping_of (sp, &lo, &hi));
  CHECK (strlen (argv[2]) == BIG);
  CHECK ((unsigned long) argv[0] >= lo && (unsigned long) argv[0] < hi);
  CHECK ((unsigned long) argv[2] >= lo
	 && (unsigned long) argv[2] + BIG < hi);
  CHECK (environ[0] == 0
	 || ((unsigned long) environ[0] >= lo
	     && (unsigned long) environ[0] < hi));
  CHECK (sp - lo >= 4096);
  return checks_failed ();
}
