#include <stdio.h>
#include "liba.h"

int_fn b_addr_of_twice (void) { return a_twice; }
void *b_addr_of_puts (void) { return (void *) puts; }
int_fn b_addr_of_main_fn (void) { return main_fn; }
