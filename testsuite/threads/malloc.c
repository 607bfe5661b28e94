/* malloc, realloc, calloc and free (the nommu heap and its lock) from 8
   threads at once: 20000 random operations each on 48 blocks of their
   own, 1 byte to 3 KiB and sometimes 40-200 KiB (whole mappings; freeing
   them unmaps memory); every block is filled with a pattern of its owner
   and checked before realloc and free; realloc keeps the contents;
   calloc returns zeros.  Blocks freed by another thread than the one
   that allocated them too.  */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

#define N 8
#define SLOTS 48
#define OPS 20000
struct block { unsigned char *p; size_t n; unsigned char tag; };
static struct block blocks[N][SLOTS];
static long bad_content[N], bad_calloc[N], failed[N];
static pthread_barrier_t bar;

static int intact (const struct block *b)
{
  for (size_t i = 0; i < b->n; i += 1 + i / 64)     /* sample big ones */
    if (b->p[i] != (unsigned char) (b->tag + i))
      return 0;
  return b->n == 0 || b->p[b->n - 1] == (unsigned char) (b->tag + b->n - 1);
}

static void fill (struct block *b, size_t from)
{
  for (size_t i = from; i < b->n; i++)
    b->p[i] = (unsigned char) (b->tag + i);
}

static void *fn (void *arg)
{
  long id = (long) arg;
  unsigned seed = 12345 + id * 7919;
  struct block *mine = blocks[id];
  pthread_barrier_wait (&bar);
  for (int op = 0; op < OPS; op++)
    {
      seed = seed * 1103515245 + 12345;
      struct block *b = &mine[(seed >> 8) % SLOTS];
      unsigned r = (seed >> 16) & 1023;
      size_t n = r < 8 ? 40000 + r * 20000 : 1 + (seed >> 4) % 3000;
      if (b->p && !intact (b))
        bad_content[id]++;
      if (b->p && (r & 3) == 0)
        {
          unsigned char *q = realloc (b->p, n);
          if (!q)
            {
              failed[id]++;
              continue;
            }
          size_t keep = b->n < n ? b->n : n;
          b->p = q;
          b->n = keep;
          if (!intact (b))                  /* contents kept */
            bad_content[id]++;
          b->n = n;
          fill (b, keep);
        }
      else
        {
          free (b->p);
          b->tag = (unsigned char) (id * 31 + op);
          if ((r & 3) == 1)
            {
              b->p = calloc (1, n);
              if (b->p)
                for (size_t i = 0; i < n; i += 1 + i / 64)
                  if (b->p[i])
                    {
                      bad_calloc[id]++;
                      break;
                    }
            }
          else
            b->p = malloc (n);
          if (!b->p)
            {
              failed[id]++;
              b->n = 0;
              continue;
            }
          b->n = n;
          fill (b, 0);
        }
    }
  pthread_barrier_wait (&bar);
  /* Free the blocks of the next thread.  */
  struct block *other = blocks[(id + 1) % N];
  for (int s = 0; s < SLOTS; s++)
    {
      if (other[s].p && !intact (&other[s]))
        bad_content[id]++;
      free (other[s].p);
    }
  return NULL;
}

int main (void)
{
  pthread_t t[N];
  int ok = 0;
  long content = 0, zeros = 0, fails = 0;
  pthread_barrier_init (&bar, NULL, N);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], NULL, fn, (void *) i) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  for (int i = 0; i < N; i++)
    {
      content += bad_content[i];
      zeros += bad_calloc[i];
      fails += failed[i];
    }
  CHECK (ok == 2 * N);
  CHECK (fails == 0);
  CHECK (content == 0);
  CHECK (zeros == 0);
  /* The heap still works.  */
  char *p = malloc (100), *q = malloc (100000);
  CHECK (p && q && memset (p, 1, 100) && memset (q, 2, 100000) && p[99] == 1
         && q[99999] == 2);
  free (p);
  free (q);
  return checks_failed ();
}
