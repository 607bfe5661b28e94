/* The library that dlcycle loads and unloads: code, data, bss and a
   function pointer in its data (a relocated descriptor).  */
static int counter;
int plug_data[64] = { 1000 };
static int add (int x) { return x + plug_data[0]; }
int (*plug_ptr) (int) = add;
int plug_fn (int x) { counter++; return plug_ptr (x); }
