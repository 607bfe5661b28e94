/* dlloop LIB N: dlopen and dlclose LIB N times.  The memory the process
   has mapped (the sum of the sizes in /proc/self/maps) must not grow:
   dlclose gives back what dlopen took.  */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long
mapped (void)
{
  FILE *f = fopen ("/proc/self/maps", "r");
  unsigned long start, end, sum = 0;
  char line[512];

  if (!f)
    return 0;
  while (fgets (line, sizeof line, f))
    if (sscanf (line, "%lx-%lx", &start, &end) == 2)
      sum += end - start;
  fclose (f);
  return sum;
}

static int
cycle (const char *lib)
{
  void *h = dlopen (lib, RTLD_NOW);

  if (!h || !dlsym (h, "victim_get"))
    return 1;
  return dlclose (h) != 0;
}

int
main (int argc, char **argv)
{
  int i, n = atoi (argv[2]);
  unsigned long before, after;

  /* Let malloc and the first dlopen set themselves up.  */
  for (i = 0; i < 4; i++)
    if (cycle (argv[1]))
      return 2;
  before = mapped ();
  for (i = 0; i < n; i++)
    if (cycle (argv[1]))
      return 2;
  after = mapped ();
  printf ("%d cycles: mapped memory grew by %ld bytes\n", n, (long) (after - before));
  /* Less than 64 bytes a cycle: nothing of the library stays.  */
  return after > before + 64UL * n;
}
