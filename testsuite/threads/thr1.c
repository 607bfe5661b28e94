/* pthread_create/join and __thread in the executable (local exec and
   initial exec; global dynamic when built with -fPIC
   -ftls-model=global-dynamic): each of 8 threads sees its own copy of an
   initialised variable, of a 64-byte aligned one and of an array that
   lies beyond 0x800 bytes of the block, and its own errno (even threads
   fail with EBADF, odd ones with ENOENT).  */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <unistd.h>
#include "check.h"

#define N 8
__thread int tv = 5;
__thread long far_[600];                        /* 4800 bytes: past 0x800 */
__thread char aligned64 __attribute__ ((aligned (64))) = 'A';

static int seen_init[N], seen_errno1[N], seen_after[N], seen_align[N];
static uintptr_t addr_tv[N];
static pthread_barrier_t bar;

static void *fn (void *arg)
{
  long id = (long) arg;
  int want = id & 1 ? ENOENT : EBADF;
  seen_init[id] = tv == 5 && aligned64 == 'A' && far_[599] == 0 && far_[0] == 0;
  tv = 100 + id;
  far_[599] = id * 7;
  far_[0] = -id;
  aligned64 = 'a' + id;
  addr_tv[id] = (uintptr_t) &tv;
  errno = 0;
  if (id & 1)
    seen_errno1[id] = open ("/nonexistent/thr1", O_RDONLY) == -1 && errno == ENOENT;
  else
    seen_errno1[id] = close (-1) == -1 && errno == EBADF;
  pthread_barrier_wait (&bar);                  /* all threads alive at once */
  for (int i = 0; i < 200; i++)
    sched_yield ();
  seen_after[id] = tv == 100 + id && far_[599] == id * 7 && far_[0] == -id
                   && aligned64 == 'a' + id && errno == want;
  seen_align[id] = ((uintptr_t) &aligned64 & 63) == 0;
  return (void *) (long) tv;
}

static int all (const int *v)
{
  for (int i = 0; i < N; i++)
    if (!v[i])
      return 0;
  return 1;
}

int main (void)
{
  pthread_t th[N];
  int created = 0, joined = 0, distinct = 1;
  pthread_barrier_init (&bar, NULL, N);
  errno = 0;
  for (long i = 0; i < N; i++)
    created += pthread_create (&th[i], NULL, fn, (void *) i) == 0;
  CHECK (created == N);
  for (long i = 0; i < N; i++)
    {
      void *r;
      joined += pthread_join (th[i], &r) == 0 && (long) r == 100 + i;
    }
  CHECK (joined == N);
  CHECK (all (seen_init));                      /* copies from the TLS image */
  CHECK (all (seen_errno1));
  CHECK (all (seen_after));                     /* own copies, own errno */
  CHECK (all (seen_align));
  for (int i = 0; i < N; i++)
    for (int j = 0; j < i; j++)
      distinct &= addr_tv[i] != addr_tv[j] && addr_tv[i] != (uintptr_t) &tv;
  CHECK (distinct);
  CHECK (tv == 5 && aligned64 == 'A' && far_[599] == 0 && errno == 0);
  CHECK (((uintptr_t) &aligned64 & 63) == 0);
  /* The executable's block starts at tp (TCB below tp, psABI variant I).  */
  CHECK ((char *) &tv >= (char *) __builtin_thread_pointer ()
         && (char *) &tv < (char *) __builtin_thread_pointer () + 0x2000);
  return checks_failed ();
}
