/* realloc of a block that grows a little at a time, as a buffer or an
   array built by appending does: the contents survive every move, and
   the block moves (is copied) only a few times, not once per page.
   The FDPIC C library's nommu allocator cannot mremap; it copies a block
   that cannot grow in place, so it must leave room after a moved block
   or the copies cost O(n^2) bytes (SQLite's fuzzcheck ran 16 times
   longer than on the baseline).
   Usage: grow [FINAL-SIZE [STEP [-v]]]; -v prints the number of moves.  */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "check.h"

int
main (int argc, char **argv)
{
  size_t final = argc > 1 ? strtoul (argv[1], 0, 0) : 4 << 20;
  size_t step = argc > 2 ? strtoul (argv[2], 0, 0) : 1000;
  unsigned char *p = 0, *q;
  size_t n = 0, moves = 0, bad = 0, i;
  void *other[64];
  int k = 0;

  while (n < final)
    {
      q = realloc (p, n + step);
      if (!q)
        break;
      if (p && q != p)
        moves++;
      p = q;
      for (i = 0; i < step; i++)
        p[n + i] = (unsigned char) ((n + i) * 7 + ((n + i) >> 12));
      n += step;
      /* Small allocations in between, as real programs make.  */
      if (k < 64 && n % (64 * step) == 0)
        {
          other[k] = malloc (100 + k);
          k++;
        }
    }
  for (i = 0; i < n; i++)
    if (p[i] != (unsigned char) (i * 7 + (i >> 12)))
      bad++;
  if (argc > 3)
    fprintf (stderr, "%zu bytes in %zu-byte steps: %zu moves\n", n, step, moves);
  CHECK (n >= final);
  CHECK (bad == 0);
  /* A copy per page would be about final / 4096 moves (1024 for 4 MiB);
     growing by half as much again each move needs about 20.  */
  CHECK (moves <= 64);
  free (p);
  while (k > 0)
    free (other[--k]);
  return checks_failed ();
}
