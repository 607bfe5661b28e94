#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
extern __thread int lib_var;
int *lib_addr_var (void);
int main (void)
{
  void *h0 = dlopen (NULL, RTLD_NOW), *h1 = dlopen ("libtlslib.so", RTLD_NOW);
  printf ("h0=%p h1=%p\n", h0, h1);
  printf ("fn h0 %p h1 %p\n", dlsym (h0, "lib_addr_var"), dlsym (h1, "lib_addr_var"));
  printf ("tls h0 %p h1 %p default %p want %p %p err=%s\n", dlsym (h0, "lib_var"), dlsym (h1, "lib_var"),
          dlsym (RTLD_DEFAULT, "lib_var"), (void *) lib_addr_var (), (void *) &lib_var, dlerror ());
  return 0;
}
