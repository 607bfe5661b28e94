/* libplug.so, loaded with dlopen by libs.c.  */
#include "liba.h"

int plug_data = 1234;
int plug_fn (int x) { return a_twice (x) + 1; }
int_fn plug_addr_of_twice (void) { return a_twice; }
