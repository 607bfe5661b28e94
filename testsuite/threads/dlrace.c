/* The lists of loaded modules under threads (THREADS.md T10): while one
   thread dlopens and dlcloses a TLS library (argv[2]) again and again,
   - two threads bind functions lazily: each round they dlopen liblsc.so
     (argv[1], from lazystress), call its 256 functions (lsc's lazy PLT
     slots: the resolver walks the global scope, which holds the closing
     library's scope), check every result and dlclose it;
   - two threads walk dl_iterate_phdr, reading every program header of
     every module (an unwinder does that), and reach their own copy of a
     TLS variable of another library (argv[3]) through __tls_get_addr,
     whose slow path reads the TLS slot list that dlclose changes.
   No thread may crash, call a wrong function or see a wrong value.  */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "expect.h"

#ifndef NBIND
#define NBIND 2
#endif
#ifndef NITER
#define NITER 2
#endif
static const char *lsc_path, *closed_path;
static int rounds, done;
static int closer_bad, closer_rounds;
static long bind_calls[NBIND], bind_wrong[NBIND], bind_rounds[NBIND];
static long iter_walks[NITER], iter_bad[NITER];
static int *(*held_var) (void);

static void *closer (void *arg)
{
  (void) arg;
  for (int r = 0; r < rounds; r++)
    {
      void *h = dlopen (closed_path, RTLD_NOW | RTLD_GLOBAL);
      int *(*addr_var) (void) = h ? (int *(*) (void)) dlsym (h, "lib_addr_var") : NULL;
      if (!addr_var || *addr_var () != 42 || dlclose (h) != 0)
        closer_bad++;
      closer_rounds++;
    }
  __atomic_store_n (&done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static void *binder (void *arg)
{
  long id = (long) arg;
  while (!__atomic_load_n (&done, __ATOMIC_ACQUIRE))
    {
      void *h = dlopen (lsc_path, RTLD_LAZY);
      long (*run) (int, int, long) = h ? (long (*) (int, int, long)) dlsym (h, "run") : NULL;
      if (!run)
        {
          bind_wrong[id]++;
          break;
        }
      for (int l = 0; l < NLIB; l++)
        for (int k = 0; k < NFUN; k++)
          {
            long x = id * 100000 + bind_rounds[id] * 1000 + l * NFUN + k;
            if (run (l, k, x) != expect (l, k, x))
              bind_wrong[id]++;
            bind_calls[id]++;
          }
      dlclose (h);
      bind_rounds[id]++;
    }
  return NULL;
}

struct walk { int modules, bad; unsigned long sum; };

static int visit (struct dl_phdr_info *info, size_t size, void *data)
{
  struct walk *w = data;
  if (size < sizeof *info || !info->dlpi_name || info->dlpi_phnum == 0)
    w->bad++;
  for (int i = 0; i < info->dlpi_phnum; i++)
    w->sum += info->dlpi_phdr[i].p_type + info->dlpi_phdr[i].p_memsz;
  w->modules++;
  return 0;
}

static void *iterator (void *arg)
{
  long id = (long) arg;
  *held_var () = 5000 + id;
  while (!__atomic_load_n (&done, __ATOMIC_ACQUIRE))
    {
      struct walk w = { 0, 0, 0 };
      dl_iterate_phdr (visit, &w);
      /* The executable, libc, ld.so and libtlslib.so at least.  */
      if (w.bad || w.modules < 4 || w.sum == 0)
        iter_bad[id]++;
      if (*held_var () != 5000 + id)
        iter_bad[id]++;
      iter_walks[id]++;
    }
  return NULL;
}

int main (int argc, char **argv)
{
  pthread_t c, b[NBIND], it[NITER];
  const char *r = getenv ("DLR_ROUNDS");
  void *held;
  long calls = 0, wrong = 0, walks = 0, bad = 0;

  if (argc != 4)
    return 2;
  lsc_path = argv[1];
  closed_path = argv[2];
  rounds = r ? atoi (r) : 300;
  held = dlopen (argv[3], RTLD_NOW);
  held_var = held ? (int *(*) (void)) dlsym (held, "lib_addr_var") : NULL;
  CHECK (held_var != NULL);
  if (!held_var)
    return 1;

  for (long i = 0; i < NITER; i++)
    pthread_create (&it[i], NULL, iterator, (void *) i);
  for (long i = 0; i < NBIND; i++)
    pthread_create (&b[i], NULL, binder, (void *) i);
  pthread_create (&c, NULL, closer, NULL);
  pthread_join (c, NULL);
  for (int i = 0; i < NBIND; i++)
    {
      pthread_join (b[i], NULL);
      calls += bind_calls[i];
      wrong += bind_wrong[i];
    }
  for (int i = 0; i < NITER; i++)
    {
      pthread_join (it[i], NULL);
      walks += iter_walks[i];
      bad += iter_bad[i];
    }
  CHECK (closer_rounds == rounds && closer_bad == 0);
  CHECK (calls > 0 && wrong == 0);
  CHECK (walks > 0 && bad == 0);
  if (getenv ("DLR_VERBOSE"))
    fprintf (stderr, "rounds=%d calls=%ld wrong=%ld walks=%ld bad=%ld\n",
             closer_rounds, calls, wrong, walks, bad);
  return checks_failed ();
}
