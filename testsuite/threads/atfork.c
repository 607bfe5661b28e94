/* pthread_atfork without an MMU: there is no fork, but registration
   succeeds (returns 0) so that programs calling it unconditionally work;
   vfork runs no handlers.  Also in a thread other than main.  */
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int calls;
static void prepare (void) { calls++; }
static void parent (void) { calls++; }
static void child (void) { calls++; }

static void *fn (void *arg)
{
  return (void *) (long) pthread_atfork (prepare, NULL, child);
}

int main (void)
{
  pthread_t t;
  void *r = (void *) 1L;
  int st = -1;
  CHECK (pthread_atfork (prepare, parent, child) == 0);
  CHECK (pthread_atfork (NULL, NULL, NULL) == 0);
  CHECK (pthread_create (&t, NULL, fn, NULL) == 0 && pthread_join (t, &r) == 0
         && r == NULL);
  pid_t p = vfork ();
  if (p == 0)
    _exit (7);
  CHECK (p > 0 && waitpid (p, &st, 0) == p && WIFEXITED (st) && WEXITSTATUS (st) == 7);
  CHECK (calls == 0);
  return checks_failed ();
}
