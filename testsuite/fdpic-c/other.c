/* The second translation unit of prog.c.  */
#include <stdarg.h>
#include "mini.h"

int shared_counter = 100;
static int calls;

static int twice (int x) { calls++; return 2 * x; }
static int square (int x) { calls++; return x * x; }
int negate (int x) { calls++; return -x; }

/* A table of function pointers in initialised data.  */
int (*const other_ops[3]) (int) = { twice, square, negate };

int (*
other_op (int i)) (int)
{
  return other_ops[i];
}

int
apply (int (*f) (int), int x)
{
  shared_counter++;
  return f (x) + calls - calls;
}

int
other_calls (void)
{
  return calls;
}

long
vsum (int n, ...)
{
  va_list ap;
  long s = 0;
  va_start (ap, n);
  while (n-- > 0)
    s += va_arg (ap, long);
  va_end (ap);
  return s;
}
