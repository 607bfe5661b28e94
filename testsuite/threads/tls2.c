/* TLS across modules, in 4 threads: the executable reads libtlslib.so's
   initialised __thread variables with initial exec (R_RISCV_TLS_TPREL64)
   and global dynamic; the library uses global dynamic for its exported
   variables and local dynamic for its static ones (one beyond 0x800);
   dlsym of a TLS symbol gives the calling thread's copy.  */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include "check.h"

#define N 4
extern __thread int lib_var __attribute__ ((tls_model ("initial-exec")));
extern __thread long lib_first __attribute__ ((tls_model ("global-dynamic")));
int lib_get_static (void);
void lib_set_static (int);
int lib_get_big (void);
int *lib_addr_var (void);

static int init_ok[N], same_addr[N], own_ok[N], dlsym_ok[N];

static void *fn (void *arg)
{
  long id = (long) arg;
  init_ok[id] = lib_var == 42 && lib_first == 11 && lib_get_static () == 7
                && lib_get_big () == 0;
  same_addr[id] = &lib_var == lib_addr_var ();
  lib_var = 100 + id;
  lib_first = 200 + id;
  lib_set_static (300 + id);
  sched_yield ();
  own_ok[id] = *lib_addr_var () == 100 + id && lib_first == 200 + id
               && lib_get_static () == 300 + id
               && lib_get_big () == (char) (300 + id);
  dlsym_ok[id] = dlsym (RTLD_DEFAULT, "lib_var") == (void *) &lib_var;
  return NULL;
}

static int all (const int *v)
{
  for (int i = 0; i < N; i++)
    if (!v[i])
      return 0;
  return 1;
}

int main (void)
{
  pthread_t th[N];
  int ok = 0;
  void *h = dlopen (NULL, RTLD_NOW);
  CHECK (h != NULL && dlsym (h, "lib_var") == (void *) &lib_var);
  CHECK (dlsym (RTLD_DEFAULT, "lib_first") == (void *) &lib_first);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&th[i], NULL, fn, (void *) i) == 0;
  for (long i = 0; i < N; i++)
    ok += pthread_join (th[i], NULL) == 0;
  CHECK (ok == 2 * N);
  CHECK (all (init_ok));
  CHECK (all (same_addr));
  CHECK (all (own_ok));
  CHECK (all (dlsym_ok));
  CHECK (lib_var == 42 && lib_first == 11 && lib_get_static () == 7
         && lib_get_big () == 0);
  return checks_failed ();
}
