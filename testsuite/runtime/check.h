/* Minimal self-checking for the runtime and thread tests: CHECK prints
   "ok <expr>" or "FAIL <file>:<line> <expr>"; main returns checks_failed ()
   so that the exit status says whether every check held.  The run scripts
   count the CHECKs of the source against the "ok" lines, so each CHECK
   must run exactly once: thread tests record what their threads saw and
   check it in main after pthread_join.  The failure count is atomic
   anyway.  Each line is flushed at once: a program that dies shows how
   far it got (the loader fuzz campaign tells a program that ran main
   from one its loader killed by the "ok" lines).  */
#include <stdio.h>

static int check_failures;

#define CHECK(expr) \
  do { \
    if (expr) \
      printf ("ok %s\n", #expr), fflush (stdout); \
    else { \
      printf ("FAIL %s:%d %s\n", __FILE__, __LINE__, #expr), fflush (stdout); \
      __atomic_fetch_add (&check_failures, 1, __ATOMIC_RELAXED); \
    } \
  } while (0)

static inline int checks_failed (void)
{
  fflush (stdout);
  return __atomic_load_n (&check_failures, __ATOMIC_RELAXED) != 0;
}
