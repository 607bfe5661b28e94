/* Signals and threads: pthread_kill sends SIGUSR1 to one chosen thread of
   4; its SA_SIGINFO handler (entered through its FDPIC function
   descriptor) records pthread_self (), the thread's __thread id and the
   siginfo (SI_TKILL); then each thread in turn.  A dedicated thread takes
   SIGUSR2 with sigwait, blocked everywhere, sent with pthread_kill to it
   and with kill to the process.  */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define N 4
static __thread long my_id = -1;
static pthread_t t[N], handled_by[8], waiter;
static long handled_id[8];
static int handled, handled_code[8], handled_signo[8], stop;
static int waited[3], nwaited, waiter_err;

static void handler (int sig, siginfo_t *si, void *uc)
{
  (void) uc;
  int n = __atomic_load_n (&handled, __ATOMIC_SEQ_CST);
  if (n < 8)
    {
      handled_by[n] = pthread_self ();
      handled_id[n] = my_id;
      handled_signo[n] = sig == SIGUSR1 && si->si_signo == SIGUSR1;
      handled_code[n] = si->si_code;
    }
  __atomic_store_n (&handled, n + 1, __ATOMIC_SEQ_CST);
}

static void *worker (void *arg)
{
  sigset_t s;
  my_id = (long) arg;
  sigemptyset (&s);
  sigaddset (&s, SIGUSR1);
  pthread_sigmask (SIG_UNBLOCK, &s, NULL);
  while (!__atomic_load_n (&stop, __ATOMIC_SEQ_CST))
    usleep (1000);
  return NULL;
}

static void *sigwaiter (void *arg)
{
  sigset_t s;
  sigemptyset (&s);
  sigaddset (&s, SIGUSR2);
  for (int i = 0; i < 3; i++)
    {
      int sig = 0;
      waiter_err |= sigwait (&s, &sig);
      waited[i] = sig;
      __atomic_add_fetch (&nwaited, 1, __ATOMIC_SEQ_CST);
    }
  return arg;
}

/* Wait up to 5 s for *p to reach v.  */
static int wait_for (int *p, int v)
{
  for (int i = 0; i < 5000; i++)
    {
      if (__atomic_load_n (p, __ATOMIC_SEQ_CST) >= v)
        return 1;
      usleep (1000);
    }
  return 0;
}

int main (void)
{
  struct sigaction sa;
  sigset_t s;
  int ok = 0, right = 1;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset (&sa.sa_mask);
  CHECK (sigaction (SIGUSR1, &sa, NULL) == 0);
  /* Main and (by inheritance) every thread block both signals; the
     workers unblock SIGUSR1.  */
  sigemptyset (&s);
  sigaddset (&s, SIGUSR1);
  sigaddset (&s, SIGUSR2);
  CHECK (pthread_sigmask (SIG_BLOCK, &s, NULL) == 0);
  my_id = 99;
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], NULL, worker, (void *) i) == 0;
  ok += pthread_create (&waiter, NULL, sigwaiter, NULL) == 0;
  CHECK (ok == N + 1);

  CHECK (pthread_kill (t[2], SIGUSR1) == 0);
  CHECK (wait_for (&handled, 1));
  usleep (20000);                           /* no second delivery */
  CHECK (handled == 1 && pthread_equal (handled_by[0], t[2]) && handled_id[0] == 2);
  CHECK (handled_signo[0] && handled_code[0] == SI_TKILL);
  for (int i = 0; i < N; i++)
    {
      pthread_kill (t[i], SIGUSR1);
      if (!wait_for (&handled, 2 + i))
        break;
    }
  for (int i = 0; i < N; i++)
    right &= pthread_equal (handled_by[1 + i], t[i]) && handled_id[1 + i] == i
             && handled_signo[1 + i];
  CHECK (handled == 1 + N && right);

  CHECK (pthread_kill (waiter, SIGUSR2) == 0);
  CHECK (wait_for (&nwaited, 1) && waited[0] == SIGUSR2);
  CHECK (kill (getpid (), SIGUSR2) == 0);
  CHECK (wait_for (&nwaited, 2) && waited[1] == SIGUSR2);
  pthread_kill (waiter, SIGUSR2);
  CHECK (wait_for (&nwaited, 3) && waited[2] == SIGUSR2 && waiter_err == 0);

  __atomic_store_n (&stop, 1, __ATOMIC_SEQ_CST);
  ok = 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  if (nwaited == 3)                         /* else it waits for ever */
    ok += pthread_join (waiter, NULL) == 0;
  CHECK (ok == N + 1 && my_id == 99);
  return checks_failed ();
}
