/* The first program of any toolchain: libc start-up, stdio, exit status. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	printf("hello, %s\n", argc > 1 ? argv[1] : "world");
	return (int)strlen(argv[0]) > 0 ? 3 : 1;
}
