/* xipmaps.c LIBRARY: dlopen LIBRARY, then copy /proc/self/maps to stdout,
   so that the mappings of the program, its libraries (liba.so, linked in)
   and LIBRARY can be checked on the host (make check-nommu's boot from
   flash: their text must be at flash addresses).  */
#include <dlfcn.h>
#include <stdio.h>

extern int a_twice (int);

/* liba.so refers to the program's main_fn (testsuite/runtime/libs.c).  */
int main_fn (int x) { return x + 100; }

int
main (int argc, char **argv)
{
  void *h = argc == 2 ? dlopen (argv[1], RTLD_NOW) : NULL;
  if (h == NULL)
    {
      fprintf (stderr, "xipmaps: %s\n", argc == 2 ? dlerror () : "usage: xipmaps LIBRARY");
      return 1;
    }
  FILE *f = fopen ("/proc/self/maps", "r");
  if (f == NULL || a_twice (2) != 4)
    return 1;
  int c;
  while ((c = getc (f)) != EOF)
    putchar (c);
  return 0;
}
