#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "liba.h"

int a_twice (int x) { return 2 * x; }
static int a_thrice (int x) { return 3 * x; }
static int a_negate (int x) { return -x; }

int_fn a_table[3] = { a_twice, a_thrice, a_negate };
int a_ctor_ran;

__attribute__ ((constructor)) static void a_ctor (void) { a_ctor_ran = 42; }
__attribute__ ((destructor)) static void a_dtor (void) { puts ("liba destructor"); }

int a_apply (int_fn f, int x) { return f (x) + 1; }
int_fn a_addr_of_twice (void) { return a_twice; }
void *a_addr_of_puts (void) { return (void *) puts; }
int_fn a_addr_of_main_fn (void) { return main_fn; }

int
a_sum (int n, ...)
{
  va_list ap;
  int s = 0;
  va_start (ap, n);
  while (n--)
    s += va_arg (ap, int);
  va_end (ap);
  return s;
}

int
a_call_longjmp_cb (void (*cb) (void))
{
  cb ();			/* does not return */
  return -1;
}

volatile int a_signal_seen;

static void
a_handler (int sig, siginfo_t *si, void *uc)
{
  (void) uc;
  a_signal_seen = sig == si->si_signo ? sig : -1;
}

int
a_signal_install (int sig)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = a_handler;
  sa.sa_flags = SA_SIGINFO;
  return sigaction (sig, &sa, NULL);
}

int
a_errno_after_bad_open (void)
{
  errno = 0;
  if (open ("/nonexistent/fdpic", O_RDONLY) >= 0)
    return -1;
  return errno;
}
