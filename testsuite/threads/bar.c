/* Barrier stress (real atomics, futexes): 9 threads meet at two
   barriers ROUNDS times (argv[1], default 2000).  Between the two, every
   thread adds to a shared counter with an atomic add, and after the
   second barrier each thread checks that the counter holds exactly 9 per
   round so far; exactly one thread per barrier gets
   PTHREAD_BARRIER_SERIAL_THREAD.  */
#include <pthread.h>
#include <stdlib.h>
#include "check.h"

#define NT 8                                    /* + main */
static pthread_barrier_t a, b;
static int rounds = 2000;
static long counter, serial_a, serial_b, bad[NT + 1];

static void loop (long id)
{
  for (int r = 0; r < rounds; r++)
    {
      if (pthread_barrier_wait (&a) == PTHREAD_BARRIER_SERIAL_THREAD)
        __atomic_fetch_add (&serial_a, 1, __ATOMIC_RELAXED);
      __atomic_fetch_add (&counter, 1, __ATOMIC_RELAXED);
      if (pthread_barrier_wait (&b) == PTHREAD_BARRIER_SERIAL_THREAD)
        __atomic_fetch_add (&serial_b, 1, __ATOMIC_RELAXED);
      /* Everybody has added for this round, and nobody can pass
         barrier a of the next round before this thread gets there.  */
      if (__atomic_load_n (&counter, __ATOMIC_RELAXED) != (long) (r + 1) * (NT + 1))
        bad[id]++;
    }
}

static void *w (void *p)
{
  loop ((long) p);
  return NULL;
}

int main (int argc, char **argv)
{
  pthread_t t[NT];
  int ok = 0;
  long nbad = 0;
  if (argc > 1)
    rounds = atoi (argv[1]);
  pthread_barrier_init (&a, NULL, NT + 1);
  pthread_barrier_init (&b, NULL, NT + 1);
  for (long i = 0; i < NT; i++)
    ok += pthread_create (&t[i], NULL, w, (void *) i) == 0;
  loop (NT);
  for (int i = 0; i < NT; i++)
    ok += pthread_join (t[i], NULL) == 0;
  for (int i = 0; i <= NT; i++)
    nbad += bad[i];
  CHECK (ok == 2 * NT);
  CHECK (counter == (long) rounds * (NT + 1));
  CHECK (serial_a == rounds && serial_b == rounds);
  CHECK (nbad == 0);
  CHECK (pthread_barrier_destroy (&a) == 0 && pthread_barrier_destroy (&b) == 0);
  return checks_failed ();
}
