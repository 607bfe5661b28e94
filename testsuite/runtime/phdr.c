/* phdr LIB: dlopen LIB, then dl_iterate_phdr must give its program
   headers (dlpi_phdr, dlpi_phnum) as the file has them.  */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

static ElfW(Ehdr) ehdr;
static ElfW(Phdr) phdrs[32];
static const char *lib;
static int found, same;

static int
callback (struct dl_phdr_info *info, size_t size, void *data)
{
  if (!info->dlpi_name || !strstr (info->dlpi_name, lib))
    return 0;
  found++;
  same = info->dlpi_phnum == ehdr.e_phnum
         && memcmp (info->dlpi_phdr, phdrs, ehdr.e_phnum * sizeof phdrs[0]) == 0;
  return 0;
}

int
main (int argc, char **argv)
{
  FILE *f = fopen (argv[1], "rb");

  lib = strrchr (argv[1], '/') ? strrchr (argv[1], '/') + 1 : argv[1];
  if (!f || fread (&ehdr, sizeof ehdr, 1, f) != 1 || ehdr.e_phnum > 32
      || fseek (f, ehdr.e_phoff, SEEK_SET) != 0
      || fread (phdrs, sizeof phdrs[0], ehdr.e_phnum, f) != ehdr.e_phnum)
    return 2;
  if (!dlopen (argv[1], RTLD_NOW))
    return 3;
  dl_iterate_phdr (callback, NULL);
  printf ("found %d, program headers %s\n", found, same ? "right" : "wrong");
  return 0;
}
