/* A TLS library (argv[1], global/local dynamic) dlopen'ed while 4 threads
   exist: each running thread then reaches its own copies of the
   library's variables (its DTV grows: _dl_update_slotinfo), as do 4
   threads created after the dlopen; main's copies stay unchanged.  All 8
   threads stay alive until each has recorded the address of its copy
   (barrier b3): an exited thread's block may be given to a later thread.
   The library is then closed and opened again, and a new thread uses
   it.  */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include "check.h"

#define N 4
static pthread_barrier_t b1, b2, b3;
static int (*get_static) (void);
static void (*set_static) (int);
static int (*get_big) (void);
static int *(*addr_var) (void);
static int *dlsym_var;
static int init_ok[2 * N], own_ok[2 * N];
static uintptr_t addr[2 * N];

static void use_lib (long id)
{
  init_ok[id] = *addr_var () == 42 && get_static () == 7 && get_big () == 0;
  *addr_var () = 1000 + id;
  set_static (2000 + id);
  addr[id] = (uintptr_t) addr_var ();
  sched_yield ();
  own_ok[id] = *addr_var () == 1000 + id && get_static () == 2000 + id
               && get_big () == (char) (2000 + id);
}

static void *early (void *arg)
{
  pthread_barrier_wait (&b1);          /* library not loaded yet */
  pthread_barrier_wait (&b2);          /* now it is */
  use_lib ((long) arg);
  pthread_barrier_wait (&b3);          /* all 8 copies exist at once */
  return NULL;
}

static void *late (void *arg)
{
  use_lib ((long) arg);
  pthread_barrier_wait (&b3);
  return NULL;
}

static void *alone (void *arg)
{
  use_lib ((long) arg);
  return NULL;
}

static int all (const int *v, int n)
{
  for (int i = 0; i < n; i++)
    if (!v[i])
      return 0;
  return 1;
}

static int load (const char *lib, void **h)
{
  *h = dlopen (lib, RTLD_NOW);
  if (!*h)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 0;
    }
  get_static = (int (*) (void)) dlsym (*h, "lib_get_static");
  set_static = (void (*) (int)) dlsym (*h, "lib_set_static");
  get_big = (int (*) (void)) dlsym (*h, "lib_get_big");
  addr_var = (int *(*) (void)) dlsym (*h, "lib_addr_var");
  dlsym_var = dlsym (*h, "lib_var");
  return get_static && set_static && get_big && addr_var && dlsym_var;
}

int main (int argc, char **argv)
{
  pthread_t t[2 * N];
  int ok = 0, distinct = 1, loaded;
  void *h;
  pthread_barrier_init (&b1, NULL, N + 1);
  pthread_barrier_init (&b2, NULL, N + 1);
  pthread_barrier_init (&b3, NULL, 2 * N);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], NULL, early, (void *) i) == 0;
  pthread_barrier_wait (&b1);
  loaded = load (argc > 1 ? argv[1] : "libtlsgd.so", &h);
  CHECK (loaded);
  if (!loaded)
    return 1;
  pthread_barrier_wait (&b2);
  for (long i = N; i < 2 * N; i++)
    ok += pthread_create (&t[i], NULL, late, (void *) i) == 0;
  for (int i = 0; i < 2 * N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  CHECK (ok == 4 * N);
  CHECK (all (init_ok, 2 * N));
  CHECK (all (own_ok, 2 * N));
  for (int i = 0; i < 2 * N; i++)
    for (int j = 0; j < i; j++)
      distinct &= addr[i] != addr[j] && addr[i] != (uintptr_t) addr_var ();
  CHECK (distinct);
  CHECK (*addr_var () == 42 && get_static () == 7 && get_big () == 0);
  CHECK (dlsym_var == addr_var ());
  /* Closed and opened again: a fresh module, a fresh TLS image, also in
     main, whose copies are changed first.  */
  *addr_var () = 9;
  set_static (9);
  CHECK (dlclose (h) == 0);
  loaded = load (argc > 1 ? argv[1] : "libtlsgd.so", &h);
  CHECK (loaded);
  if (!loaded)
    return 1;
  init_ok[0] = own_ok[0] = 0;
  ok = pthread_create (&t[0], NULL, alone, (void *) 0) == 0;
  ok += pthread_join (t[0], NULL) == 0;
  CHECK (ok == 2 && init_ok[0] && own_ok[0]);
  CHECK (*addr_var () == 42 && get_static () == 7);
  return checks_failed ();
}
