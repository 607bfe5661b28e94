/* A TLS library dlopen'ed while threads already exist: GD/LD in a
   dlopen'ed library, DTV growth of running threads.  */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
static pthread_barrier_t b1, b2;
static int (*get_static) (void);
static void (*set_static) (int);
static int *(*addr_var) (void);
static void *fn (void *arg)
{
  long id = (long) arg;
  pthread_barrier_wait (&b1);          /* library not loaded yet */
  pthread_barrier_wait (&b2);          /* now it is */
  if (*addr_var () != 42 || get_static () != 7) return (void *) 1;
  *addr_var () = id; set_static (id);
  if (*addr_var () != id || get_static () != id) return (void *) 2;
  return 0;
}
int main (void)
{
  pthread_t t[4]; int bad = 0;
  pthread_barrier_init (&b1, NULL, 5); pthread_barrier_init (&b2, NULL, 5);
  for (long i = 0; i < 4; i++) pthread_create (&t[i], NULL, fn, (void *) (i + 1));
  pthread_barrier_wait (&b1);
  void *h = dlopen ("/work/thr/tests/libtlsgd.so", RTLD_NOW);
  if (!h) { printf ("dlopen: %s\n", dlerror ()); return 1; }
  get_static = (int (*) (void)) dlsym (h, "lib_get_static");
  set_static = (void (*) (int)) dlsym (h, "lib_set_static");
  addr_var = (int *(*) (void)) dlsym (h, "lib_addr_var");
  int *pv = dlsym (h, "lib_var");
  pthread_barrier_wait (&b2);
  for (int i = 0; i < 4; i++) { void *r; pthread_join (t[i], &r); if (r) { printf ("thread %d: %ld\n", i, (long) r); bad++; } }
  if (*addr_var () != 42 || get_static () != 7 || pv != addr_var ()) { printf ("main: %d %d\n", *addr_var (), get_static ()); bad++; }
  printf ("%s\n", bad ? "FAIL" : "PASS");
  return bad != 0;
}
