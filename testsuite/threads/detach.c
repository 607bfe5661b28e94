/* Detached threads and semaphores: 8 threads created detached (by
   attribute or by pthread_detach) each post a semaphore 100 times; main
   takes all 800 posts; joining a detached thread is refused (EINVAL);
   sem_trywait on an empty semaphore fails with EAGAIN; then 8 rounds of
   creating 8 detached threads do not exhaust memory (their stacks are
   reclaimed).  */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include "check.h"

#define N 8
static sem_t sem, go;

static void *fn (void *arg)
{
  if (arg)
    sem_wait (&go);                         /* pthread_detach before exit */
  for (int i = 0; i < 100; i++)
    sem_post (&sem);
  return NULL;
}

int main (void)
{
  pthread_attr_t a;
  pthread_t t[N];
  int ok = 0, st = -1, taken = 0, rounds_ok = 0;
  CHECK (sem_init (&sem, 0, 0) == 0 && sem_init (&go, 0, 0) == 0);
  CHECK (pthread_attr_init (&a) == 0
         && pthread_attr_setdetachstate (&a, PTHREAD_CREATE_DETACHED) == 0
         && pthread_attr_getdetachstate (&a, &st) == 0
         && st == PTHREAD_CREATE_DETACHED);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], i & 1 ? NULL : &a, fn, (void *) (i & 1)) == 0;
  for (int i = 1; i < N; i += 2)
    ok += pthread_detach (t[i]) == 0;
  CHECK (ok == N + N / 2);
  CHECK (pthread_join (t[1], NULL) == EINVAL);        /* alive, detached */
  for (int i = 0; i < N / 2; i++)
    sem_post (&go);
  for (int i = 0; i < N * 100; i++)
    taken += sem_wait (&sem) == 0;
  CHECK (taken == N * 100);
  CHECK (sem_trywait (&sem) == -1 && errno == EAGAIN);
  for (int r = 0; r < 8; r++)
    {
      int started = 0;
      for (int i = 0; i < N; i++)
        started += pthread_create (&t[i], &a, fn, NULL) == 0;
      for (int i = 0; i < started * 100; i++)
        sem_wait (&sem);
      rounds_ok += started == N;
    }
  CHECK (rounds_ok == 8);
  pthread_attr_destroy (&a);
  return checks_failed ();
}
