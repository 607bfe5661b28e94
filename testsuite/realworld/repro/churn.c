/* malloc/free churn: N live blocks of small random sizes, then R rounds
   of freeing a random block and allocating a new one (a long-running
   program's steady state, e.g. an interpreter's GC), then free all.
   Usage: churn N R */
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000, r = argc > 2 ? atol(argv[2]) : 100000;
  void **p = calloc(n, sizeof *p);
  unsigned long x = 12345, sum = 0;
#define RND() (x = x * 6364136223846793005UL + 1442695040888963407UL, x >> 33)
  for (long i = 0; i < n; i++) p[i] = malloc(16 + RND() % 200);
  for (long i = 0; i < r; i++) {
    long k = RND() % n;
    free(p[k]);
    p[k] = malloc(16 + RND() % 200);
    sum += (unsigned long)p[k] & 0xff;
  }
  for (long i = 0; i < n; i++) free(p[i]);
  printf("%ld %ld %lu\n", n, r, sum % 7);
  return 0;
}
