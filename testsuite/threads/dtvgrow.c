/* A thread stack reused from NPTL's cache after the DTV has grown: one
   thread is created and joined (its stack, with a DTV sized for the
   modules of that moment plus a small surplus, goes to the cache), then
   40 TLS libraries are dlopen'ed (argv[1]/tls0.so ... tls39.so, copies
   of libtlsgd.so), then threads that reuse the cached stack use the
   TLS variables of all 40: each sees the initial values and its own
   copies, and the heap stays sound.  */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

#define NL 40
#define NT 4
static int *(*addr[NL]) (void);
static long bad[NT];

static void *empty (void *arg)
{
  return arg;
}

static void *use (void *arg)
{
  long id = (long) arg;
  for (int i = 0; i < NL; i++)
    {
      if (*addr[i] () != 42)
        bad[id]++;
      *addr[i] () = 100 * id + i;
    }
  for (int i = 0; i < NL; i++)
    if (*addr[i] () != 100 * id + i)
      bad[id]++;
  return NULL;
}

int main (int argc, char **argv)
{
  pthread_t t;
  char name[4096];
  int opened = 0;
  long badsum = 0;
  void *p[200];
  int heap_ok = 1;

  if (argc != 2)
    return 2;
  pthread_create (&t, NULL, empty, NULL);
  pthread_join (t, NULL);
  for (int i = 0; i < NL; i++)
    {
      void *h;
      snprintf (name, sizeof name, "%s/tls%d.so", argv[1], i);
      h = dlopen (name, RTLD_NOW);
      addr[i] = h ? (int *(*) (void)) dlsym (h, "lib_addr_var") : NULL;
      if (addr[i])
        opened++;
      else
        printf ("%s: %s\n", name, dlerror ());
    }
  CHECK (opened == NL);
  if (opened != NL)
    return 1;
  for (long k = 0; k < NT; k++)
    {
      pthread_create (&t, NULL, use, (void *) k);
      pthread_join (t, NULL);
      badsum += bad[k];
    }
  CHECK (badsum == 0);
  for (int i = 0; i < 200; i++)
    {
      p[i] = malloc (16 + i);
      memset (p[i], i, 16 + i);
    }
  for (int i = 0; i < 200; i++)
    {
      for (int j = 0; j < 16 + i; j++)
        if (((unsigned char *) p[i])[j] != (unsigned char) i)
          heap_ok = 0;
      free (p[i]);
    }
  CHECK (heap_ok);
  return checks_failed ();
}
