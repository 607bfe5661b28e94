/* Process-shared synchronisation objects in a MAP_SHARED|MAP_ANONYMOUS
   mapping (the futexes are not private; qemu-user cannot fork, so two
   threads stand in for two processes): a PTHREAD_PROCESS_SHARED mutex
   guards a counter that 2 threads each increment 20000 times, yielding
   inside the critical section; a process-shared condition variable and
   barrier hand over between them.  */
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include "check.h"

#define INCR 20000
struct shared
{
  pthread_mutex_t mu;
  pthread_cond_t cv;
  pthread_barrier_t bar;
  long counter;
  int turn, handovers;
};
static struct shared *sh;

static void *fn (void *arg)
{
  long id = (long) arg;
  pthread_barrier_wait (&sh->bar);
  for (int i = 0; i < INCR; i++)
    {
      pthread_mutex_lock (&sh->mu);
      long c = sh->counter;
      if ((i & 127) == 0)
        sched_yield ();
      sh->counter = c + 1;
      pthread_mutex_unlock (&sh->mu);
    }
  /* Ping-pong 100 times on the condition variable.  */
  for (int i = 0; i < 100; i++)
    {
      pthread_mutex_lock (&sh->mu);
      while (sh->turn != id)
        pthread_cond_wait (&sh->cv, &sh->mu);
      sh->turn = 1 - id;
      sh->handovers++;
      pthread_cond_broadcast (&sh->cv);
      pthread_mutex_unlock (&sh->mu);
    }
  return NULL;
}

int main (void)
{
  pthread_mutexattr_t ma;
  pthread_condattr_t ca;
  pthread_barrierattr_t ba;
  pthread_t t[2];
  int ok = 0, ps = -1;
  sh = mmap (NULL, sizeof *sh, PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  CHECK (sh != MAP_FAILED);
  if (sh == MAP_FAILED)
    return 1;
  CHECK (pthread_mutexattr_init (&ma) == 0
         && pthread_mutexattr_setpshared (&ma, PTHREAD_PROCESS_SHARED) == 0
         && pthread_mutexattr_getpshared (&ma, &ps) == 0
         && ps == PTHREAD_PROCESS_SHARED);
  CHECK (pthread_mutex_init (&sh->mu, &ma) == 0);
  CHECK (pthread_condattr_init (&ca) == 0
         && pthread_condattr_setpshared (&ca, PTHREAD_PROCESS_SHARED) == 0
         && pthread_cond_init (&sh->cv, &ca) == 0);
  CHECK (pthread_barrierattr_init (&ba) == 0
         && pthread_barrierattr_setpshared (&ba, PTHREAD_PROCESS_SHARED) == 0
         && pthread_barrier_init (&sh->bar, &ba, 2) == 0);
  for (long i = 0; i < 2; i++)
    ok += pthread_create (&t[i], NULL, fn, (void *) i) == 0;
  for (int i = 0; i < 2; i++)
    ok += pthread_join (t[i], NULL) == 0;
  CHECK (ok == 4);
  CHECK (sh->counter == 2 * INCR);
  CHECK (sh->handovers == 200 && sh->turn == 0);
  CHECK (pthread_mutex_destroy (&sh->mu) == 0 && munmap (sh, sizeof *sh) == 0);
  return checks_failed ();
}
