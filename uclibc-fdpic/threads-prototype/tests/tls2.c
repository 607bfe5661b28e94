/* TLS across modules: GD/LD in a shared library, IE from the executable
   against the library's variable (R_RISCV_TLS_TPREL64), dlsym of a TLS
   symbol, in 4 threads.  */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
extern __thread int lib_var __attribute__ ((tls_model ("initial-exec")));
extern __thread long lib_first;
int lib_get_static (void);
void lib_set_static (int);
int lib_get_big (void);
int *lib_addr_var (void);
static void *fn (void *arg)
{
  long id = (long) arg;
  if (lib_var != 42 || lib_first != 11 || lib_get_static () != 7)
    return (void *) 1;
  if (&lib_var != lib_addr_var ())
    return (void *) 2;
  lib_var = id; lib_set_static (id + 1);
  if (*lib_addr_var () != id || lib_get_static () != id + 1 || lib_get_big () != id + 1)
    return (void *) 3;
  return 0;
}
int main (void)
{
  pthread_t th[4];
  int bad = 0;
  void *h = dlopen (NULL, RTLD_NOW);
  int *p = dlsym (h, "lib_var");
  if (p != &lib_var) { printf ("dlsym(lib_var) %p != %p\n", (void *) p, (void *) &lib_var); bad++; }
  for (long i = 0; i < 4; i++) pthread_create (&th[i], NULL, fn, (void *) (i + 100));
  for (int i = 0; i < 4; i++) { void *r; pthread_join (th[i], &r); if (r) { printf ("thread %d: %ld\n", i, (long) r); bad++; } }
  if (lib_var != 42 || lib_get_static () != 7) { printf ("main changed %d %d\n", lib_var, lib_get_static ()); bad++; }
  printf ("%s\n", bad ? "FAIL" : "PASS");
  return bad != 0;
}
