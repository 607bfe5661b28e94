/* Thread stacks (nommu: no guard pages, contiguous mmap blocks):
   pthread_attr_setstacksize (64 KiB) is honoured: pthread_getattr_np in
   the thread reports at least 64 KiB (and not more than 128 KiB), a local
   variable lies inside the reported range, and 48 KiB of it can be used;
   a stack given with pthread_attr_setstack holds the thread's locals; the
   default stack size lies between 16 KiB and 2 MiB; 8 threads with 64 KiB
   stacks, then 32 with the default size, run at once; pthread_getattr_np
   of the main thread gives a range holding main's locals.  */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include "check.h"

#define REQ (64 * 1024)
#define N 8
static size_t got_size[N];
static uintptr_t got_lo[N], got_hi[N], local_at[N];
static int attr_ok[N], deep_ok[N];
static pthread_barrier_t bar;

static int __attribute__ ((noinline)) deep (int n)
{
  volatile char buf[1024];
  buf[0] = (char) n;
  buf[1023] = (char) n;
  if (n > 0)
    return deep (n - 1) + buf[0] - buf[1023] + 1;
  return 0;
}

static void *fn (void *arg)
{
  long id = (long) arg;
  pthread_attr_t a;
  void *addr = 0;
  size_t size = 0;
  volatile char local;
  local_at[id] = (uintptr_t) &local;
  attr_ok[id] = pthread_getattr_np (pthread_self (), &a) == 0
                && pthread_attr_getstack (&a, &addr, &size) == 0;
  got_lo[id] = (uintptr_t) addr;
  got_hi[id] = (uintptr_t) addr + size;
  got_size[id] = size;
  pthread_attr_destroy (&a);
  deep_ok[id] = deep (48) == 48;            /* ~48 KiB of stack */
  pthread_barrier_wait (&bar);              /* all alive at once */
  return NULL;
}

static pthread_barrier_t bar32;
static void *wait32 (void *arg)
{
  pthread_barrier_wait (&bar32);
  return arg;
}

static uintptr_t own_local;
static void *own (void *arg)
{
  volatile int local;
  own_local = (uintptr_t) &local;
  return arg;
}

int main (void)
{
  pthread_attr_t a;
  pthread_t t[N];
  size_t def = 0, set = 0;
  int ok = 0, sizes = 1, inside = 1, deep_all = 1, disjoint = 1;

  CHECK (pthread_attr_init (&a) == 0 && pthread_attr_getstacksize (&a, &def) == 0);
  CHECK (def >= 16 * 1024 && def <= 2 * 1024 * 1024);
  CHECK (pthread_attr_setstacksize (&a, PTHREAD_STACK_MIN - 1) == EINVAL);
  CHECK (pthread_attr_setstacksize (&a, REQ) == 0
         && pthread_attr_getstacksize (&a, &set) == 0 && set == REQ);
  pthread_barrier_init (&bar, NULL, N);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], &a, fn, (void *) i) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  pthread_attr_destroy (&a);
  CHECK (ok == 2 * N);
  for (int i = 0; i < N; i++)
    {
      sizes &= attr_ok[i] && got_size[i] >= REQ && got_size[i] <= 2 * REQ;
      inside &= local_at[i] > got_lo[i] && local_at[i] < got_hi[i];
      deep_all &= deep_ok[i];
      for (int j = 0; j < i; j++)
        disjoint &= got_hi[i] <= got_lo[j] || got_hi[j] <= got_lo[i];
    }
  CHECK (sizes);
  CHECK (inside);
  CHECK (deep_all);
  CHECK (disjoint);

  /* A stack of our own.  */
  char *mine = aligned_alloc (64, REQ);
  CHECK (mine != NULL && pthread_attr_init (&a) == 0
         && pthread_attr_setstack (&a, mine, REQ) == 0);
  ok = pthread_create (&t[0], &a, own, NULL) == 0;
  ok += pthread_join (t[0], NULL) == 0;
  CHECK (ok == 2 && own_local > (uintptr_t) mine && own_local < (uintptr_t) mine + REQ);
  pthread_attr_destroy (&a);
  free (mine);

  /* 32 threads with the default stack at once.  */
  pthread_t t32[32];
  pthread_barrier_init (&bar32, NULL, 33);
  ok = 0;
  for (int i = 0; i < 32; i++)
    ok += pthread_create (&t32[i], NULL, wait32, NULL) == 0;
  if (ok == 32)
    pthread_barrier_wait (&bar32);
  for (int i = 0; i < ok; i++)
    pthread_join (t32[i], NULL);
  CHECK (ok == 32);

  /* The main thread.  */
  volatile int main_local;
  void *addr = 0;
  size_t size = 0;
  CHECK (pthread_getattr_np (pthread_self (), &a) == 0
         && pthread_attr_getstack (&a, &addr, &size) == 0
         && (char *) &main_local > (char *) addr
         && (char *) &main_local < (char *) addr + size);
  pthread_attr_destroy (&a);
  return checks_failed ();
}
