/* Core dumps of FDPIC processes (psABI "Core dumps"): "dumpcore abort"
   raises its core limit and aborts, leaving ./core; "dumpcore check FILE"
   checks that FILE is an ELF core whose e_flags carry EF_RISCV_FDPIC and
   whose NT_PRSTATUS is struct elf_prstatus_fdpic: the usual members up to
   pr_reg, then the addresses of the executable's and the interpreter's
   load maps, then pr_fpvalid.
   Without an MMU binfmt_elf_fdpic also dumps non-FDPIC processes, with
   the same NT_PRSTATUS but without EF_RISCV_FDPIC: "dumpcore exec PROGRAM
   ARGS..." raises the core limit and runs PROGRAM (the status quo's
   busybox, a static PIE, made to abort); "dumpcore check-plain FILE"
   checks its core (no EF_RISCV_FDPIC, no interpreter load map).  */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "check.h"

#ifndef EF_RISCV_FDPIC
#define EF_RISCV_FDPIC 0x00800000
#endif
/* struct elf_prstatus on riscv64: 112 bytes of common members, pr_reg
   (32 registers), pr_fpvalid and padding.  The FDPIC variant puts the two
   load map addresses between pr_reg and pr_fpvalid.  */
#define PRSTATUS_COMMON 112
#define PRSTATUS_FDPIC_SIZE (PRSTATUS_COMMON + 32 * 8 + 2 * 8 + 8)

static unsigned char buf[1 << 20];

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "abort") == 0)
    {
      struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };
      setrlimit (RLIMIT_CORE, &r);
      abort ();
    }
  if (argc > 2 && strcmp (argv[1], "exec") == 0)
    {
      struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };
      setrlimit (RLIMIT_CORE, &r);
      execv (argv[2], argv + 2);
      return 127;
    }
  int fdpic = argc > 2 && strcmp (argv[1], "check") == 0;
  if (argc < 3 || (!fdpic && strcmp (argv[1], "check-plain") != 0))
    return 2;

  FILE *f = fopen (argv[2], "rb");
  size_t n = f ? fread (buf, 1, sizeof buf, f) : 0;
  Elf64_Ehdr *eh = (Elf64_Ehdr *) buf;
  CHECK (n > sizeof *eh && memcmp (eh->e_ident, ELFMAG, SELFMAG) == 0);
  CHECK (eh->e_type == ET_CORE && eh->e_machine == EM_RISCV);
  CHECK (((eh->e_flags & EF_RISCV_FDPIC) != 0) == fdpic);

  int found = 0;
  unsigned long exec_map = 0, interp_map = 0;
  for (int i = 0; i < eh->e_phnum && eh->e_phoff + (i + 1) * sizeof (Elf64_Phdr) <= n; i++)
    {
      Elf64_Phdr *ph = (Elf64_Phdr *) (buf + eh->e_phoff) + i;
      if (ph->p_type != PT_NOTE || ph->p_offset + ph->p_filesz > n)
	continue;
      size_t off = ph->p_offset, end = off + ph->p_filesz;
      while (off + sizeof (Elf64_Nhdr) <= end)
	{
	  Elf64_Nhdr *nh = (Elf64_Nhdr *) (buf + off);
	  size_t desc = off + sizeof *nh + ((nh->n_namesz + 3) & ~3u);
	  if (nh->n_type == NT_PRSTATUS && !found)
	    {
	      found = nh->n_descsz;
	      memcpy (&exec_map, buf + desc + PRSTATUS_COMMON + 32 * 8, 8);
	      memcpy (&interp_map, buf + desc + PRSTATUS_COMMON + 32 * 8 + 8, 8);
	    }
	  off = desc + ((nh->n_descsz + 3) & ~3u);
	}
    }
  CHECK (found == PRSTATUS_FDPIC_SIZE);
  CHECK (exec_map != 0
	 && (fdpic ? interp_map != 0 && exec_map != interp_map
	     : interp_map == 0));
  return checks_failed ();
}
