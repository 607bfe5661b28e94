#include <stdio.h>
int use_missing (void);
int main (void) { printf ("%d\n", use_missing ()); return 0; }
