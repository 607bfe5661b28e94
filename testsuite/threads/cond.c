/* Condition variables: 4 producers put the numbers 1..20000 each into a
   16-slot ring buffer guarded by a mutex and two condition variables; 4
   consumers take them out; the sum, the count and a per-value tally are
   checked.  Then pthread_cond_broadcast wakes 8 waiters at once, and
   pthread_cond_timedwait times out with ETIMEDOUT.  */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include "check.h"

#define NP 4
#define NC 4
#define PER 20000
#define SLOTS 16
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static long ring[SLOTS];
static int head, count, producers_left = NP;
static long sum, taken;
static unsigned short tally[PER + 1];

static void *producer (void *arg)
{
  for (long v = 1; v <= PER; v++)
    {
      pthread_mutex_lock (&mu);
      while (count == SLOTS)
        pthread_cond_wait (&not_full, &mu);
      ring[(head + count) % SLOTS] = v;
      count++;
      pthread_cond_signal (&not_empty);
      pthread_mutex_unlock (&mu);
    }
  pthread_mutex_lock (&mu);
  producers_left--;
  pthread_cond_broadcast (&not_empty);
  pthread_mutex_unlock (&mu);
  return arg;
}

static void *consumer (void *arg)
{
  for (;;)
    {
      pthread_mutex_lock (&mu);
      while (count == 0 && producers_left > 0)
        pthread_cond_wait (&not_empty, &mu);
      if (count == 0)
        {
          pthread_mutex_unlock (&mu);
          return arg;
        }
      long v = ring[head];
      head = (head + 1) % SLOTS;
      count--;
      sum += v;
      taken++;
      tally[v]++;
      pthread_cond_signal (&not_full);
      pthread_mutex_unlock (&mu);
    }
}

static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static int waiting, released, woken;

static void *waiter (void *arg)
{
  pthread_mutex_lock (&mu);
  waiting++;
  pthread_cond_broadcast (&not_empty);      /* tell main */
  while (!released)
    pthread_cond_wait (&go, &mu);
  woken++;
  pthread_mutex_unlock (&mu);
  return arg;
}

int main (void)
{
  pthread_t p[NP], c[NC], w[8];
  int ok = 0, tally_ok = 1, r;
  for (int i = 0; i < NC; i++)
    ok += pthread_create (&c[i], NULL, consumer, NULL) == 0;
  for (int i = 0; i < NP; i++)
    ok += pthread_create (&p[i], NULL, producer, NULL) == 0;
  for (int i = 0; i < NP; i++)
    ok += pthread_join (p[i], NULL) == 0;
  for (int i = 0; i < NC; i++)
    ok += pthread_join (c[i], NULL) == 0;
  CHECK (ok == 2 * (NP + NC));
  CHECK (taken == (long) NP * PER);
  CHECK (sum == (long) NP * PER * (PER + 1) / 2);
  for (int v = 1; v <= PER; v++)
    tally_ok &= tally[v] == NP;
  CHECK (tally_ok);

  ok = 0;
  for (int i = 0; i < 8; i++)
    ok += pthread_create (&w[i], NULL, waiter, NULL) == 0;
  pthread_mutex_lock (&mu);
  while (waiting < 8)
    pthread_cond_wait (&not_empty, &mu);
  released = 1;
  pthread_cond_broadcast (&go);
  pthread_mutex_unlock (&mu);
  for (int i = 0; i < 8; i++)
    ok += pthread_join (w[i], NULL) == 0;
  CHECK (ok == 16 && woken == 8);

  struct timespec ts, t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  clock_gettime (CLOCK_REALTIME, &ts);
  ts.tv_nsec += 100000000;                  /* 100 ms */
  if (ts.tv_nsec >= 1000000000)
    {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000;
    }
  pthread_mutex_lock (&mu);
  r = pthread_cond_timedwait (&go, &mu, &ts);
  pthread_mutex_unlock (&mu);
  clock_gettime (CLOCK_MONOTONIC, &t1);
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  CHECK (r == ETIMEDOUT);
  CHECK (ms >= 90 && ms < 5000);
  return checks_failed ();
}
