/* Interface of the test libraries liba.so and libb.so.  */
typedef int (*int_fn) (int);

/* liba.so */
int a_twice (int);
int a_apply (int_fn, int);		/* calls back into its caller */
int_fn a_addr_of_twice (void);		/* &a_twice seen from liba */
void *a_addr_of_puts (void);		/* &puts seen from liba */
int_fn a_addr_of_main_fn (void);	/* &main_fn seen from liba */
int a_sum (int n, ...);			/* varargs across modules */
extern int_fn a_table[3];		/* function pointers in liba's data */
extern int a_ctor_ran;			/* set by liba's constructor */
int a_call_longjmp_cb (void (*) (void));
int a_signal_install (int sig);		/* handler defined in liba */
extern volatile int a_signal_seen;
int a_errno_after_bad_open (void);

/* libb.so */
int_fn b_addr_of_twice (void);		/* &a_twice seen from libb */
void *b_addr_of_puts (void);
int_fn b_addr_of_main_fn (void);

/* The executable.  */
int main_fn (int);
