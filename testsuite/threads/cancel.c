/* Deferred cancellation (libc dlopens libgcc_s.so.1 and unwinds the
   thread through FDPIC frames): threads blocked in pthread_cond_wait, in
   read on an empty pipe and in nanosleep are cancelled; their cleanup
   handlers run (the cond_wait one with the mutex held again, so that it
   unlocks it), nested handlers in the right order, and pthread_join gives
   PTHREAD_CANCELED.  With cancellation disabled, a pending request waits
   until it is enabled again and pthread_testcancel is reached.  An
   asynchronously cancelable thread spinning without cancellation points
   is cancelled (from the SIGCANCEL handler).  A
   cleanup handler popped with 1 runs, with 0 does not.  Built once
   plain (setjmp-based cleanup buffers) and once with -fexceptions
   (cleanup by the unwinder and __gcc_personality_v0).  */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_barrier_t bar;
static int fds[2];
static char order[8];
static int norder, held_in_cleanup, after_wait, after_read, after_sleep,
           after_enable, reached_test;

static void note (void *arg)
{
  order[__atomic_fetch_add (&norder, 1, __ATOMIC_SEQ_CST)] = *(char *) arg;
}

static void unlock_mu (void *arg)
{
  held_in_cleanup = pthread_mutex_trylock (&mu) == EBUSY;   /* we own it */
  pthread_mutex_unlock (&mu);
  note (arg);
}

static void *in_cond_wait (void *arg)
{
  pthread_mutex_lock (&mu);
  pthread_cleanup_push (unlock_mu, "W");
  pthread_barrier_wait (&bar);
  for (;;)
    pthread_cond_wait (&cv, &mu);
  after_wait = 1;
  pthread_cleanup_pop (1);
  return arg;
}

static void *in_read (void *arg)
{
  char c;
  pthread_cleanup_push (note, "a");
  pthread_cleanup_push (note, "b");         /* runs first */
  pthread_barrier_wait (&bar);
  read (fds[0], &c, 1);
  after_read = 1;
  pthread_cleanup_pop (0);
  pthread_cleanup_pop (0);
  return arg;
}

static void *in_sleep (void *arg)
{
  struct timespec ts = { 60, 0 };
  pthread_cleanup_push (note, "S");
  pthread_barrier_wait (&bar);
  nanosleep (&ts, NULL);
  after_sleep = 1;
  pthread_cleanup_pop (0);
  return arg;
}

static void *disabled (void *arg)
{
  int old;
  pthread_setcancelstate (PTHREAD_CANCEL_DISABLE, &old);
  pthread_cleanup_push (note, "D");
  pthread_barrier_wait (&bar);              /* main cancels us now */
  pthread_barrier_wait (&bar);              /* (not a cancellation point) */
  usleep (1000);                            /* disabled: not acted on */
  after_enable = 1;
  pthread_setcancelstate (PTHREAD_CANCEL_ENABLE, &old);
  reached_test = 1;
  pthread_testcancel ();
  reached_test = 2;
  pthread_cleanup_pop (0);
  return arg;
}

static volatile unsigned long spins;

/* The loop is in a callee without a cleanup: with -fexceptions, gcc puts
   only calls into the caller's cleanup region, so the unwinder goes
   from the signal frame through this frame to the call in async_spin.
   (noipa: else gcc finds it cannot throw and leaves the call out.)  */
static void __attribute__ ((noipa)) spin (void)
{
  for (;;)                                  /* no cancellation point */
    spins++;
}

static void *async_spin (void *arg)
{
  int old;
  pthread_cleanup_push (note, "A");
  pthread_setcanceltype (PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  pthread_barrier_wait (&bar);
  spin ();
  pthread_cleanup_pop (0);
  return arg;
}

static void *pops (void *arg)
{
  pthread_cleanup_push (note, "1");
  pthread_cleanup_push (note, "0");
  pthread_cleanup_pop (0);
  pthread_cleanup_pop (1);
  return arg;
}

static int cancel_and_join (void *(*fn) (void *), int waiting)
{
  pthread_t t;
  void *r = NULL;
  if (pthread_create (&t, NULL, fn, NULL) != 0)
    return 0;
  pthread_barrier_wait (&bar);
  if (waiting)                              /* let it block */
    usleep (20000);
  if (pthread_cancel (t) != 0)
    return 0;
  if (!waiting)
    pthread_barrier_wait (&bar);
  return pthread_join (t, &r) == 0 && r == PTHREAD_CANCELED;
}

int main (void)
{
  pthread_t t;
  void *r;
  pthread_barrier_init (&bar, NULL, 2);
  CHECK (pipe (fds) == 0);
  CHECK (cancel_and_join (in_cond_wait, 1));
  CHECK (held_in_cleanup && !after_wait && pthread_mutex_trylock (&mu) == 0);
  pthread_mutex_unlock (&mu);
  CHECK (cancel_and_join (in_read, 1));
  CHECK (!after_read);
  CHECK (cancel_and_join (in_sleep, 1));
  CHECK (!after_sleep);
  CHECK (cancel_and_join (disabled, 0));
  CHECK (after_enable && reached_test == 1);
  CHECK (cancel_and_join (async_spin, 1));
  CHECK (spins > 0);
  CHECK (pthread_create (&t, NULL, pops, NULL) == 0 && pthread_join (t, &r) == 0
         && r == NULL);
  order[norder] = 0;
  CHECK (norder == 7 && __builtin_strcmp (order, "WbaSDA1") == 0);
  if (norder != 7 || __builtin_strcmp (order, "WbaSDA1") != 0)
    printf ("cleanup order: %s\n", order);
  return checks_failed ();
}
