/* dlopen of a library whose extern __thread variable nothing defines
   (argv[1]) fails, and dlerror names the library and the symbol; the
   process goes on.  Prints dlerror's message; exits 0 if refused.  */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main (int argc, char **argv)
{
  void *h = dlopen (argc > 1 ? argv[1] : "libbadtls.so", RTLD_NOW);
  const char *e = h ? "" : dlerror ();
  printf ("%s\n", h ? "loaded" : e ? e : "(no error)");
  return h != NULL;                         /* 1: loaded */
}
