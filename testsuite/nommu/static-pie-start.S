/* _start of a non-FDPIC static PIE for the status-quo side of the nommu
   comparison (make demo), linked with the baseline riscv64-linux-uclibc
   toolchain.  uClibc-ng 1.0.35 has no static-PIE start-up; this one
   applies the program's own R_RISCV_RELATIVE relocations and its
   R_RISCV_TLS_TPREL64 relocations against symbol 0 (initial-exec TLS of
   the C library: the tp offset of a variable of the program itself, which
   is the addend, since tp points at the program's TLS block), then continues
   in uClibc-ng's PIE start file (Scrt1.o, whose _start is renamed
   __scrt1_start when rcrt1.o is made; see scripts/build/busybox.sh).

   A nommu kernel loads such a program with constant displacement: one
   private copy of all its segments, text included, per process.  It is
   linked at 0, so the run-time address of the ELF header is the
   displacement.  Only pc-relative addressing is used before the
   relocations are done.  Any other relocation (type, or a symbol) stops
   the program with a message and exit status 127.  */

#define DT_NULL 0
#define DT_RELA 7
#define DT_RELASZ 8
#define R_RISCV_RELATIVE 3
#define R_RISCV_TLS_TPREL64 11

	.section .rodata
.Lmsg:	.ascii	"static PIE start: relocation other than R_RISCV_RELATIVE or R_RISCV_TLS_TPREL64 0\n"
.Lmsg_end:
	.equ	MSGLEN, .Lmsg_end - .Lmsg

	.text
	.globl	_start
	.type	_start, @function
_start:
	.option	push
	.option	norelax
	lla	t0, __ehdr_start	/* displacement */
	lla	t1, _DYNAMIC
	li	t2, 0			/* DT_RELA */
	li	t3, 0			/* DT_RELASZ */
1:	ld	t4, 0(t1)
	beqz	t4, 4f
	li	t5, DT_RELA
	bne	t4, t5, 2f
	ld	t2, 8(t1)
2:	li	t5, DT_RELASZ
	bne	t4, t5, 3f
	ld	t3, 8(t1)
3:	addi	t1, t1, 16
	j	1b
4:	beqz	t2, 7f
	add	t2, t2, t0
	add	t3, t3, t2
5:	bgeu	t2, t3, 7f
	ld	t4, 8(t2)		/* r_info: symbol 0, type RELATIVE */
	li	t5, R_RISCV_RELATIVE
	bne	t4, t5, 6f
	ld	t4, 0(t2)		/* r_offset */
	ld	t5, 16(t2)		/* r_addend */
	add	t4, t4, t0
	add	t5, t5, t0
	sd	t5, 0(t4)
	addi	t2, t2, 24
	j	5b
6:	li	t5, R_RISCV_TLS_TPREL64	/* r_info: symbol 0, type TPREL64 */
	bne	t4, t5, 8f
	ld	t4, 0(t2)		/* r_offset */
	ld	t5, 16(t2)		/* r_addend: the tp offset */
	add	t4, t4, t0
	sd	t5, 0(t4)
	addi	t2, t2, 24
	j	5b
7:	li	a0, 0			/* no rtld_fini */
	.option	pop
	tail	__scrt1_start

8:	li	a0, 2
	lla	a1, .Lmsg
	li	a2, MSGLEN
	li	a7, 64			/* write */
	ecall
	li	a0, 127
	li	a7, 94			/* exit_group */
	ecall
	.size	_start, . - _start

