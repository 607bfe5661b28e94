#include <stdio.h>
__thread int tv = 5;
__thread char c64 __attribute__((aligned(64))) = 'A';
int main (void)
{
  void *tp = __builtin_thread_pointer ();
  void **dtv = ((void ***) tp)[-1];
  printf ("tp=%p &tv=%p tv=%d c64=%d dtv=%p dtv[-1]=%p dtv[0]=%p dtv[1]=%p dtv[2]=%p\n", tp, (void *) &tv, tv, c64,
          (void *) dtv, dtv[-1], dtv[0], dtv[1], dtv[2]);
  return 0;
}
