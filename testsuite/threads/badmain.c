/* Linked against libbadtls.so, whose extern __thread missing_tls was
   defined by libbadprov.so at link time; run.sh then replaces
   libbadprov.so by an empty library: ld.so must refuse the program,
   naming libbadtls.so and missing_tls, instead of binding the reference
   to some other module (SIGSEGV at the first access).  */
#include <stdio.h>
int use_missing (void);
int main (void) { printf ("%d\n", use_missing ()); return 0; }
