/* Run-time checks that need no shared library of ours: linked both
   dynamically (against libc.so) and -static.  Callbacks from libc,
   function pointers in initialised data, constructors, atexit,
   setjmp/longjmp, signals, errno, vfork and execve, varargs.  */
#define _GNU_SOURCE 1
#include <errno.h>
#include <limits.h>
#include <crypt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unwind.h>
#include <link.h>
#include "check.h"

static int cmp_int (const void *a, const void *b)
{
  return *(const int *) a - *(const int *) b;
}

static int twice (int x) { return 2 * x; }
int thrice (int x) { return 3 * x; }
static int (*const table[]) (int) = { twice, thrice, abs };
static int (*writable_table[]) (int) = { thrice, twice };

static int ctor_value;
__attribute__ ((constructor)) static void ctor (void) { ctor_value = 17; }
static void at_exit_handler (void) { puts ("atexit handler"); }

static jmp_buf env;
static int after_longjmp;
static void jump (int v) { longjmp (env, v); }

static volatile sig_atomic_t seen_plain, seen_info;
static void plain_handler (int sig) { seen_plain = sig; }
static void info_handler (int sig, siginfo_t *si, void *uc)
{
  (void) uc;
  seen_info = si->si_signo == sig ? sig : -1;
}

/* dl_iterate_phdr reports the executable first, with its load map and
   GOT; libgcc's unwinder finds FDEs through it.  */
static int phdr_cb (struct dl_phdr_info *info, size_t size, void *data)
{
  int *found = data;
  (void) size;
  if (*found == 0)
    *found = (info->dlpi_addr.map != NULL && info->dlpi_addr.map->nsegs > 0
	      && info->dlpi_addr.got_value != NULL && info->dlpi_phnum > 0)
	     ? 1 : -1;
  return 0;
}

static _Unwind_Reason_Code count_frame (struct _Unwind_Context *ctx, void *data)
{
  (void) ctx;
  ++*(int *) data;
  return _URC_NO_REASON;
}

static volatile int no_tail_call;

__attribute__ ((noinline)) static int backtrace_depth (int n)
{
  int frames = 0;
  if (n > 0)
    return backtrace_depth (n - 1) + no_tail_call;
  _Unwind_Backtrace (count_frame, &frames);
  return frames;
}

static int sum (int n, ...)
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
main (int argc, char **argv)
{
  int v[6] = { 5, 3, 9, 1, 7, -2 }, key = 7;
  char buf[64];

  CHECK (argc == 3 && strcmp (argv[1], "one") == 0 && strcmp (argv[2], "two") == 0);
  CHECK (ctor_value == 17);

  qsort (v, 6, sizeof v[0], cmp_int);
  CHECK (v[0] == -2 && v[1] == 1 && v[5] == 9);
  CHECK (bsearch (&key, v, 6, sizeof v[0], cmp_int) == &v[4]);
  CHECK (atexit (at_exit_handler) == 0);

  CHECK (table[0] (5) == 10 && table[1] (5) == 15 && table[2] (-5) == 5);
  CHECK (writable_table[0] (2) == 6 && writable_table[1] (2) == 4);
  CHECK (table[1] == thrice && writable_table[0] == thrice);
  CHECK (table[2] == &abs);

  CHECK (sum (5, 1, 2, 3, 4, 5) == 15);
  snprintf (buf, sizeof buf, "%d-%s-%.1f-%lx", 42, "x", 2.5, 0xfdUL);
  CHECK (strcmp (buf, "42-x-2.5-fd") == 0);

  if (setjmp (env) == 0)
    {
      jump (7);
      after_longjmp = -1;
    }
  else
    after_longjmp = 1;
  CHECK (after_longjmp == 1 && table[0] (1) == 2);

  CHECK (signal (SIGUSR1, plain_handler) != SIG_ERR);
  CHECK (raise (SIGUSR1) == 0 && seen_plain == SIGUSR1);
  {
    struct sigaction sa;
    memset (&sa, 0, sizeof sa);
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    CHECK (sigaction (SIGUSR2, &sa, NULL) == 0);
    CHECK (kill (getpid (), SIGUSR2) == 0 && seen_info == SIGUSR2);
  }

  errno = 0;
  CHECK (strtol ("99999999999999999999999", NULL, 10) == LONG_MAX && errno == ERANGE);
  errno = 0;
  CHECK (chdir ("/nonexistent/fdpic") == -1 && errno == ENOENT);

  {
    int status = -1;
    pid_t pid = vfork ();
    if (pid == 0)
      _exit (42);
    CHECK (pid > 0 && waitpid (pid, &status, 0) == pid
	   && WIFEXITED (status) && WEXITSTATUS (status) == 42);
  }
  {
    int status = -1;
    pid_t pid = vfork ();
    if (pid == 0)
      {
	char *args[] = { "sh", "-c", "exit 7", NULL };
	execve ("/bin/sh", args, NULL);
	_exit (127);
      }
    CHECK (pid > 0 && waitpid (pid, &status, 0) == pid
	   && WIFEXITED (status) && WEXITSTATUS (status) == 7);
  }

  {
    int found = 0;
    dl_iterate_phdr (phdr_cb, &found);
    CHECK (found == 1);
    /* backtrace_depth x4, main, __uClibc_main: the unwinder must get
       through all of them with the FDEs it finds.  */
    CHECK (backtrace_depth (3) >= 6);
  }
  {
    char *p = malloc (100000);
    void *q = &q;
    CHECK (p != NULL);
    memset (p, 'x', 100000);
    free (p);
    /* An impossible request fails and leaves *memptr alone.  */
    CHECK (posix_memalign (&q, sizeof (void *), (size_t) -1) == ENOMEM
	   && q == &q);
  }
  {
    /* Traditional DES crypt, whose tables libc allocates on first use
       (expected value from the host's crypt).  */
    const char *h = crypt ("fdpic", "ab");
    CHECK (h != NULL && strcmp (h, "ab9JAsKsDQPlc") == 0);
  }
  return checks_failed ();
}
