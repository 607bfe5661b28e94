/* Minimal self-checking for the runtime tests: CHECK prints "ok <expr>"
   or "FAIL <file>:<line> <expr>"; main returns checks_failed () so that
   the exit status says whether every check held.  */
#include <stdio.h>

static int check_failures;

#define CHECK(expr) \
  do { \
    if (expr) \
      printf ("ok %s\n", #expr); \
    else { \
      printf ("FAIL %s:%d %s\n", __FILE__, __LINE__, #expr); \
      check_failures++; \
    } \
  } while (0)

static inline int checks_failed (void) { fflush (stdout); return check_failures != 0; }
