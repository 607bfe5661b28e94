/* Lazy binding under threads (THREADS.md section 3): T threads call the
   same not-yet-bound functions of 4 libraries through the PLT of a library
   that is dlopen'ed afresh (RTLD_LAZY) every round.  Prints
   "rounds=R calls=N wrong=W" and exits 1 on any wrong result.  */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "expect.h"

#define NT 8
static int rounds = 200;
static pthread_barrier_t start, done;
static long (*run) (int, int, long);
static long wrong, calls;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker (void *arg)
{
  long id = (long) arg;
  unsigned seed = id * 2654435761u;
  int order[NLIB * NFUN];
  for (int i = 0; i < NLIB * NFUN; i++)
    order[i] = i;
  for (int r = 0; r < rounds; r++)
    {
      for (int i = NLIB * NFUN - 1; i > 0; i--)      /* per-thread permutation */
        {
          seed = seed * 1103515245 + 12345;
          int j = (seed >> 8) % (i + 1), t = order[i];
          order[i] = order[j]; order[j] = t;
        }
      pthread_barrier_wait (&start);
      long w = 0;
      for (int i = 0; i < NLIB * NFUN; i++)
        {
          int l = order[i] / NFUN, k = order[i] % NFUN;
          long x = id * 1000 + r, got = run (l, k, x);
          if (got != expect (l, k, x))
            {
              if (w < 5)
                printf ("round %d thread %ld ls%d_%d(%ld) = %ld, want %ld\n",
                        r, id, l, k, x, got, expect (l, k, x));
              w++;
            }
        }
      pthread_mutex_lock (&mu);
      wrong += w; calls += NLIB * NFUN;
      pthread_mutex_unlock (&mu);
      pthread_barrier_wait (&done);
    }
  return NULL;
}

int main (int argc, char **argv)
{
  const char *lib = argc > 1 ? argv[1] : "liblsc.so";
  if (getenv ("LS_ROUNDS"))
    rounds = atoi (getenv ("LS_ROUNDS"));
  pthread_t th[NT];
  pthread_barrier_init (&start, NULL, NT + 1);
  pthread_barrier_init (&done, NULL, NT + 1);
  for (long i = 0; i < NT; i++)
    pthread_create (&th[i], NULL, worker, (void *) i);
  for (int r = 0; r < rounds; r++)
    {
      void *h = dlopen (lib, RTLD_LAZY | RTLD_LOCAL);
      if (!h || !(run = (long (*) (int, int, long)) dlsym (h, "run")))
        { printf ("dlopen %s: %s\n", lib, dlerror ()); return 2; }
      pthread_barrier_wait (&start);       /* all threads call at once */
      pthread_barrier_wait (&done);
      dlclose (h);
    }
  for (int i = 0; i < NT; i++)
    pthread_join (th[i], NULL);
  printf ("rounds=%d threads=%d calls=%ld wrong=%ld\n", rounds, NT, calls, wrong);
  return wrong != 0;
}
