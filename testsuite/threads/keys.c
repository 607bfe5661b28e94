/* Thread-specific data: two keys; 8 threads set their own values
   (pointers to their own counters), see only their own, and at thread
   exit each key's destructor runs once per thread that left a non-NULL
   value (one thread clears its value first: no destructor for it); a
   destructor that sets the value again is called again (at most
   PTHREAD_DESTRUCTOR_ITERATIONS times).  Deleting a key runs nothing.  */
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include "check.h"

#define N 8
static pthread_key_t k1, k2, k3;
static int d1_calls, d2_calls, d3_calls, d1_right = 1, own_ok[N];
static long mark[N];

static void d1 (void *v)
{
  __atomic_add_fetch (&d1_calls, 1, __ATOMIC_SEQ_CST);
  long id = (long *) v - mark;
  if (id < 0 || id >= N || mark[id] != id + 1)
    d1_right = 0;
}

static void d2 (void *v)
{
  (void) v;
  __atomic_add_fetch (&d2_calls, 1, __ATOMIC_SEQ_CST);
}

static void d3 (void *v)
{
  /* Sets itself again twice: called 3 times for the thread.  */
  int n = __atomic_add_fetch (&d3_calls, 1, __ATOMIC_SEQ_CST);
  if (n < 3)
    pthread_setspecific (k3, v);
}

static void *fn (void *arg)
{
  long id = (long) arg;
  mark[id] = id + 1;
  pthread_setspecific (k1, &mark[id]);
  pthread_setspecific (k2, (void *) (id + 1));
  for (int i = 0; i < 50; i++)
    sched_yield ();
  own_ok[id] = pthread_getspecific (k1) == &mark[id]
               && pthread_getspecific (k2) == (void *) (id + 1);
  if (id == 3)
    pthread_setspecific (k2, NULL);
  return NULL;
}

static void *fn3 (void *arg)
{
  pthread_setspecific (k3, arg);
  return NULL;
}

int main (void)
{
  pthread_t t[N];
  int ok = 0, all_own = 1;
  CHECK (pthread_key_create (&k1, d1) == 0 && pthread_key_create (&k2, d2) == 0
         && pthread_key_create (&k3, d3) == 0);
  CHECK (pthread_getspecific (k1) == NULL);
  pthread_setspecific (k1, &ok);            /* main's value: not destructed */
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], NULL, fn, (void *) i) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  for (int i = 0; i < N; i++)
    all_own &= own_ok[i];
  CHECK (ok == 2 * N);
  CHECK (all_own);
  CHECK (pthread_getspecific (k1) == &ok);
  CHECK (d1_calls == N && d1_right);
  CHECK (d2_calls == N - 1);
  pthread_create (&t[0], NULL, fn3, &ok);
  pthread_join (t[0], NULL);
  CHECK (d3_calls == 3 && PTHREAD_DESTRUCTOR_ITERATIONS >= 3);
  CHECK (pthread_key_delete (k1) == 0 && d1_calls == N);
  return checks_failed ();
}
