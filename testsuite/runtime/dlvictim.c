/* dlvictim LIB...: dlopen each LIB; print "refused: " and dlerror() if
   dlopen fails, else use the library (libvictim.so's functions, if it
   has them), look up a missing symbol, dlclose it, and print
   "loaded".  */
#include <dlfcn.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  int i;

  for (i = 1; i < argc; i++)
    {
      void *h = dlopen (argv[i], RTLD_NOW);
      int (*get) (void);

      if (!h)
        {
          const char *e = dlerror ();
          printf ("refused: %s\n", e ? e : "(dlerror returned NULL)");
          continue;
        }
      get = (int (*) (void)) dlsym (h, "victim_get");
      if (get)
        printf ("victim_get %d\n", get ());
      if (dlsym (h, "no_such_symbol_in_victim") != NULL)
        printf ("found a missing symbol\n");
      printf ("loaded %s, dlclose %d\n", argv[i], dlclose (h));
    }
  return 0;
}
