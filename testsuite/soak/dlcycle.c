/* dlcycle N LIB: dlopen and dlclose LIB N times (after 10 warm-up
   cycles), calling one of its functions each time, and print MemFree (KiB)
   before and after: "dlcycle N before after".  Exit status 1 if a dlopen,
   dlsym or call fails.  */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long
memfree (void)
{
  char line[128];
  long kib = -1;
  FILE *f = fopen ("/proc/meminfo", "r");
  while (f && fgets (line, sizeof line, f))
    if (strncmp (line, "MemFree:", 8) == 0)
      kib = strtol (line + 8, NULL, 10);
  if (f)
    fclose (f);
  return kib;
}

static int
cycle (const char *lib)
{
  void *h = dlopen (lib, RTLD_NOW);
  int (*fn) (int);
  if (!h)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 1;
    }
  fn = (int (*) (int)) dlsym (h, "plug_fn");
  if (!fn || fn (1) != 1001)
    {
      printf ("plug_fn missing or wrong\n");
      return 1;
    }
  return dlclose (h) != 0;
}

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 1000, i;
  const char *lib = argc > 2 ? argv[2] : "libsoak.so";
  long before, after;
  for (i = 0; i < 10; i++)
    if (cycle (lib))
      return 1;
  before = memfree ();
  for (i = 0; i < n; i++)
    if (cycle (lib))
      return 1;
  after = memfree ();
  printf ("dlcycle %d %ld %ld\n", n, before, after);
  return 0;
}
