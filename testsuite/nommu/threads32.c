/* 32 threads at once on the nommu kernel (check-nommu boots it with 4
   harts for this): every thread's stack is its own mapping of the default
   size (PTHREADS_STACK_DEFAULT_SIZE, 256 KiB) in /proc/self/maps, the
   threads run on more than one hart, and each one's TLS and work are its
   own.  */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "check.h"

#define N 32
static pthread_barrier_t start, stop;
static __thread long mine;
static uintptr_t stack_at[N];
static long sum[N];
static unsigned cpus_seen;	/* bit per hart */

static void *fn (void *arg)
{
  long id = (long) arg;
  volatile char local;
  unsigned cpu = 0;

  mine = id;
  stack_at[id] = (uintptr_t) &local;
  pthread_barrier_wait (&start);
  for (long i = 0; i < 200000; i++)
    {
      sum[id] += i ^ mine;
      if ((i & 0xffff) == 0 && syscall (SYS_getcpu, &cpu, 0, 0) == 0 && cpu < 32)
	__atomic_fetch_or (&cpus_seen, 1u << cpu, __ATOMIC_RELAXED);
    }
  pthread_barrier_wait (&stop);	/* main reads the maps meanwhile */
  pthread_barrier_wait (&stop);
  return (void *) (intptr_t) (mine == id);
}

int main (void)
{
  pthread_t t[N];
  pthread_attr_t a;
  size_t deflt = 0;
  int created = 0, stacks = 0, inside = 0, ok = 0;
  char line[256];

  pthread_attr_init (&a);
  pthread_attr_getstacksize (&a, &deflt);
  pthread_barrier_init (&start, 0, N);
  pthread_barrier_init (&stop, 0, N + 1);
  for (long i = 0; i < N; i++)
    created += pthread_create (&t[i], 0, fn, (void *) i) == 0;
  pthread_barrier_wait (&stop);

  FILE *f = fopen ("/proc/self/maps", "r");
  while (f && fgets (line, sizeof line, f))
    {
      unsigned long lo, hi;
      if (sscanf (line, "%lx-%lx", &lo, &hi) != 2 || hi - lo != deflt)
	continue;
      stacks++;
      for (int i = 0; i < N; i++)
	inside += stack_at[i] >= lo && stack_at[i] < hi;
    }
  if (f)
    fclose (f);
  pthread_barrier_wait (&stop);
  for (int i = 0; i < N; i++)
    {
      void *r = 0;
      pthread_join (t[i], &r);
      ok += r == (void *) 1;
    }
  long want = 0;
  for (long i = 0; i < 200000; i++)
    want += i ^ 7;
  CHECK (deflt == 256 * 1024);
  CHECK (created == N);
  CHECK (stacks >= N);
  CHECK (inside == N);
  CHECK (ok == N);
  CHECK (sum[7] == want);
  CHECK (__builtin_popcount (cpus_seen) >= 2);
  return checks_failed ();
}
