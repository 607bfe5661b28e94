#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#define NT 8
static pthread_barrier_t a, b;
static int rounds = 20000;
static void *w (void *p) { for (int r = 0; r < rounds; r++) { pthread_barrier_wait (&a); pthread_barrier_wait (&b); } return p; }
int main (int argc, char **argv)
{
  if (argc > 1) rounds = atoi (argv[1]);
  pthread_t t[NT];
  pthread_barrier_init (&a, NULL, NT + 1); pthread_barrier_init (&b, NULL, NT + 1);
  for (int i = 0; i < NT; i++) pthread_create (&t[i], NULL, w, NULL);
  for (int r = 0; r < rounds; r++) { pthread_barrier_wait (&a); pthread_barrier_wait (&b); }
  for (int i = 0; i < NT; i++) pthread_join (t[i], NULL);
  printf ("barrier rounds=%d ok\n", rounds);
  return 0;
}
