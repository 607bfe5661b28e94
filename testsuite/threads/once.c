/* pthread_once called at the same time from 8 threads runs its function
   exactly once, and every caller returns after it has finished.  */
#include <pthread.h>
#include <sched.h>
#include "check.h"

#define N 8
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_barrier_t bar;
static int runs, done, saw_done[N], rets[N];

static void init (void)
{
  __atomic_add_fetch (&runs, 1, __ATOMIC_SEQ_CST);
  for (int i = 0; i < 500; i++)               /* let the others arrive */
    sched_yield ();
  __atomic_store_n (&done, 1, __ATOMIC_SEQ_CST);
}

static void *fn (void *arg)
{
  long id = (long) arg;
  pthread_barrier_wait (&bar);
  rets[id] = pthread_once (&once, init);
  saw_done[id] = __atomic_load_n (&done, __ATOMIC_SEQ_CST);
  return NULL;
}

int main (void)
{
  pthread_t t[N];
  int ok = 0, all_done = 1, all_zero = 1;
  pthread_barrier_init (&bar, NULL, N);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], NULL, fn, (void *) i) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  for (int i = 0; i < N; i++)
    {
      all_done &= saw_done[i];
      all_zero &= rets[i] == 0;
    }
  CHECK (ok == 2 * N);
  CHECK (runs == 1);
  CHECK (all_done && all_zero);
  CHECK (pthread_once (&once, init) == 0 && runs == 1);
  return checks_failed ();
}
