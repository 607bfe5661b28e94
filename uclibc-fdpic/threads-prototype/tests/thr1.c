/* pthread_create/join and __thread (local exec in the executable) under
   RISC-V FDPIC: each thread sees its own copy initialised from the TLS
   image, a 64-byte aligned variable and one beyond 0x800 bytes, and its
   own errno.  */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define N 8
__thread int tv = 5;
__thread long far_[600];                        /* 4800 bytes: past 0x800 */
__thread char aligned64 __attribute__ ((aligned (64))) = 'A';

static void *fn (void *arg)
{
  long id = (long) arg;
  if (tv != 5 || aligned64 != 'A' || far_[599] != 0)
    return (void *) -1L;
  tv = 100 + id;
  far_[599] = id * 7;
  aligned64 = 'a' + id;
  errno = 0;
  if (close (-1) != -1 || errno != EBADF)        /* errno per thread */
    return (void *) -2L;
  for (int i = 0; i < 1000; i++)
    sched_yield ();
  if (tv != 100 + id || far_[599] != id * 7 || aligned64 != 'a' + id
      || errno != EBADF)
    return (void *) -3L;
  if (((unsigned long) &aligned64 & 63) != 0)
    return (void *) -4L;
  return (void *) (long) tv;
}

int main (void)
{
  pthread_t th[N];
  int bad = 0;
  errno = 0;
  for (long i = 0; i < N; i++)
    if (pthread_create (&th[i], NULL, fn, (void *) i) != 0)
      { printf ("pthread_create %ld failed\n", i); return 1; }
  for (long i = 0; i < N; i++)
    {
      void *r;
      pthread_join (th[i], &r);
      if ((long) r != 100 + i)
        { printf ("thread %ld: %ld\n", i, (long) r); bad++; }
    }
  if (tv != 5 || aligned64 != 'A' || far_[599] != 0 || errno != 0)
    { printf ("main's TLS changed\n"); bad++; }
  printf ("%s: %d threads, tv=%d &tv-tp=%ld &aligned64%%64=%lu\n",
          bad ? "FAIL" : "PASS", N, tv,
          (long) ((char *) &tv - (char *) __builtin_thread_pointer ()),
          (unsigned long) &aligned64 % 64);
  return bad != 0;
}
