/* stdio from 8 threads at once (the FILE locks): each writes 2000 lines
   to one stream, with fprintf, fputs and putc; every line arrives whole
   and each thread's lines in order.  Then 8 threads read lines back from
   one stream with fgets: every line is read once.  */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

#define N 8
#define LINES 2000
static FILE *f;
static int next_line[N], bad_lines, got_lines[N], read_dup;
static int seen[N][LINES];                   /* (word atomics: no libatomic) */

static void *writer (void *arg)
{
  long id = (long) arg;
  for (int i = 0; i < LINES; i++)
    switch (i % 3)
      {
      case 0:
        fprintf (f, "thread %ld line %d %s\n", id, i, "abcdefghijklmnopqrstuvwxyz");
        break;
      case 1:
        {
          char buf[80];
          snprintf (buf, sizeof buf, "thread %ld line %d %s\n", id, i,
                    "abcdefghijklmnopqrstuvwxyz");
          fputs (buf, f);
          break;
        }
      default:
        {
          char buf[80];
          snprintf (buf, sizeof buf, "thread %ld line %d %s\n", id, i,
                    "abcdefghijklmnopqrstuvwxyz");
          flockfile (f);                    /* whole line under one lock */
          for (char *c = buf; *c; c++)
            putc_unlocked (*c, f);
          funlockfile (f);
        }
      }
  return NULL;
}

static void *reader (void *arg)
{
  long id = (long) arg;
  char buf[128];
  while (fgets (buf, sizeof buf, f))
    {
      long t;
      int i;
      if (sscanf (buf, "thread %ld line %d ", &t, &i) == 2 && t >= 0 && t < N
          && i >= 0 && i < LINES)
        {
          if (__atomic_fetch_add (&seen[t][i], 1, __ATOMIC_SEQ_CST))
            __atomic_add_fetch (&read_dup, 1, __ATOMIC_SEQ_CST);
          got_lines[id]++;
        }
      else
        __atomic_add_fetch (&bad_lines, 1, __ATOMIC_SEQ_CST);
    }
  return NULL;
}

int main (void)
{
  pthread_t th[N];
  char buf[128];
  int ok = 0, total = 0, all_seen = 1;
  f = tmpfile ();
  CHECK (f != NULL);
  if (!f)
    return 1;
  for (long i = 0; i < N; i++)
    ok += pthread_create (&th[i], NULL, writer, (void *) i) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (th[i], NULL) == 0;
  CHECK (ok == 2 * N);
  rewind (f);
  while (fgets (buf, sizeof buf, f))
    {
      long t;
      int i;
      char tail[40];
      if (sscanf (buf, "thread %ld line %d %39s", &t, &i, tail) == 3
          && t >= 0 && t < N && i == next_line[t]
          && strcmp (tail, "abcdefghijklmnopqrstuvwxyz") == 0
          && buf[strlen (buf) - 1] == '\n')
        next_line[t]++;
      else
        bad_lines++;
    }
  for (int i = 0; i < N; i++)
    all_seen &= next_line[i] == LINES;
  CHECK (bad_lines == 0);
  CHECK (all_seen);

  rewind (f);
  ok = 0;
  for (long i = 0; i < N; i++)
    ok += pthread_create (&th[i], NULL, reader, (void *) i) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (th[i], NULL) == 0;
  for (int i = 0; i < N; i++)
    total += got_lines[i];
  CHECK (ok == 2 * N);
  CHECK (total == N * LINES && read_dup == 0 && bad_lines == 0);
  fclose (f);
  return checks_failed ();
}
