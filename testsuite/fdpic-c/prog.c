/* Global and static data, function pointers across translation units,
   recursion, varargs, tables of descriptors in initialised data, a
   constructor, a jump table and struct copies, compiled as FDPIC code.
   Prints one line per check and returns the number of failures.  */
#include <stdarg.h>
#include "mini.h"

extern int shared_counter;
extern int (*const other_ops[3]) (int);
int (*other_op (int)) (int);
int apply (int (*) (int), int);
int other_calls (void);
int negate (int);
long vsum (int, ...);

int global_value = 7;
static int static_value = 35;
static int bss_value;
static const char *const words[] = { "zero", "one", "two", "three" };
struct point { long x, y, z; };
static struct point origin = { 1, 2, 3 };
static int ctor_ran;
static int failures;

static void __attribute__ ((constructor))
init (void)
{
  ctor_ran = 42;
}

static int add_one (int x) { return x + 1; }
static int (*const local_ops[2]) (int) = { add_one, negate };

static void
check (const char *what, long got, long want)
{
  put_str (got == want ? "ok " : "FAIL ");
  put_str (what);
  if (got != want)
    {
      put_str (": got ");
      put_int (got);
      put_str (", want ");
      put_int (want);
      failures++;
    }
  put_str ("\n");
}

static long
fib (int n)
{
  return n < 2 ? n : fib (n - 1) + fib (n - 2);
}

static long
lsum (int n, ...)
{
  va_list ap;
  long s = 0;
  va_start (ap, n);
  while (n-- > 0)
    s += va_arg (ap, int);
  va_end (ap);
  return s;
}

static int __attribute__ ((noinline))
classify (int i)
{
  switch (i)
    {
    case 0: return 10;
    case 1: return 21;
    case 2: return 32;
    case 3: return 43;
    case 4: return 54;
    case 5: return 65;
    default: return -1;
    }
}

int
main (void)
{
  struct point p;
  int (*volatile fp) (int) = negate;
  int i;

  check ("constructor", ctor_ran, 42);
  check ("global data", global_value, 7);
  check ("static data", static_value, 35);
  bss_value += 3;
  check ("bss data", bss_value, 3);
  check ("data of the other unit", shared_counter, 100);
  check ("string table", words[2][1], 'w');
  check ("descriptor identity across units", fp == other_ops[2], 1);
  check ("descriptor identity, returned pointer", other_op (2) == negate, 1);
  check ("call through the other unit's table", other_ops[1] (9), 81);
  check ("call through a returned pointer", other_op (0) (21), 42);
  check ("callback into this unit", apply (add_one, 41), 42);
  check ("data written by the other unit", shared_counter, 101);
  check ("local table", local_ops[0] (1) + local_ops[1] (5), -3);
  check ("calls counted in the other unit", other_calls (), 3);
  check ("recursion", fib (20), 6765);
  check ("varargs here", lsum (4, 1, 2, 3, 4), 10);
  check ("varargs in the other unit", vsum (3, 10L, 20L, 30L), 60);
  p = origin;
  p.z += 4;
  check ("struct copy", p.x + p.y + p.z, 10);
  for (i = 0; i < 7; i++)
    global_value += classify (i);
  check ("jump table", global_value, 7 + 225 - 1);
  return failures;
}
