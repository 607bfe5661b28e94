/* Without an MMU a cached thread stack is RAM no other process can use:
   after 32 threads with default stacks have been joined, the process
   may keep at most about 1 MiB of their stacks (NPTL's cache; with an
   MMU, as on the baseline, 16 MiB).  Measured as the growth of the process's anonymous
   writable mappings in /proc/self/maps (under qemu-riscv64 and on the
   nommu kernel alike).  */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

#define N 32
#ifdef __ARCH_USE_MMU__
# define CACHE (16 * 1024 * 1024UL)
#else
# define CACHE (1024 * 1024UL)
#endif

static unsigned long anon_rw (void)
{
  FILE *f = fopen ("/proc/self/maps", "r");
  char line[512];
  unsigned long sum = 0;
  if (!f)
    return 0;
  while (fgets (line, sizeof line, f))
    {
      unsigned long lo, hi;
      char perms[8];
      int path = 0;
      if (sscanf (line, "%lx-%lx %7s %*s %*s %*s %n", &lo, &hi, perms, &path) < 3)
        continue;
      /* Anonymous: no path after the inode (or "[...]" pseudo-paths
         other than the main stack).  */
      char *rest = line + path;
      if (perms[0] == 'r' && perms[1] == 'w'
          && (*rest == '\n' || *rest == '\0'))
        sum += hi - lo;
    }
  fclose (f);
  return sum;
}

static void *work (void *arg)
{
  volatile char buf[4096];
  memset ((char *) buf, 1, sizeof buf);
  return arg;
}

int main (void)
{
  pthread_t t[N];
  pthread_attr_t a;
  size_t stacksize = 0;
  unsigned long before, after;
  int created = 0;

  pthread_attr_init (&a);
  pthread_attr_getstacksize (&a, &stacksize);
  before = anon_rw ();
  for (int i = 0; i < N; i++)
    created += pthread_create (&t[i], NULL, work, NULL) == 0;
  for (int i = 0; i < created; i++)
    pthread_join (t[i], NULL);
  after = anon_rw ();
  CHECK (created == N && before > 0);
  /* The cache plus one stack's rounding and malloc's growth.  */
  CHECK (after - before <= CACHE + stacksize);
  if (after - before > CACHE + stacksize)
    fprintf (stderr, "kept %lu KiB after %d threads of %zu KiB\n",
             (after - before) / 1024, N, stacksize / 1024);
  return checks_failed ();
}
