/* Linked against libvictim.so: ld.so loads it at start-up.  */
#include <stdio.h>
int victim_get (void);
int victim_say (const char *);
int
main (void)
{
  victim_say ("victim loaded");
  printf ("victim_get %d\n", victim_get ());
  return 0;
}
