/* Start-up code for the C tests of the compiler, before the C library is
   ported: what the psABI asks of crt1 in a static FDPIC executable.  Take
   the load map from a1, translate every word that .rofixup lists, load gp
   from its last entry, run .init_array (entry addresses, called with this
   module's gp), call main (argc = 0) and exit with its value.  */

	.text
	.globl	_start
	.type	_start, @function
_start:
	mv	s0, a1			/* the executable's load map */
	lla	s1, __ROFIXUP_LIST__
	lla	s2, __ROFIXUP_END__
	addi	s2, s2, -8		/* the last entry is the GOT address */
1:	bgeu	s1, s2, 2f
	ld	a0, 0(s1)		/* link-time address of a word */
	call	translate
	mv	s3, a0			/* its run-time address */
	ld	a0, 0(s3)
	beqz	a0, 3f			/* a null pointer stays null */
	call	translate
	sd	a0, 0(s3)
3:	addi	s1, s1, 8
	j	1b
2:	ld	a0, 0(s2)
	call	translate
	mv	s4, a0			/* the GOT address */

	mv	gp, s4
	la	s1, __init_array_start	/* through the GOT: in the data segment */
	la	s2, __init_array_end
4:	bgeu	s1, s2, 5f
	ld	a0, 0(s1)		/* an entry address, fixed up above */
	mv	gp, s4
	jalr	a0
	addi	s1, s1, 8
	j	4b
5:	mv	gp, s4
	li	a0, 0
	li	a1, 0
	call	main
	li	a7, 93			/* exit */
	ecall
	.size	_start, .-_start

/* translate: a0 = link-time address -> run-time address, by the load map
   in s0.  Clobbers t0-t5.  */
	.type	translate, @function
translate:
	lhu	t0, 2(s0)
	addi	t1, s0, 8
1:	beqz	t0, 3f
	ld	t2, 8(t1)		/* p_vaddr */
	lwu	t3, 16(t1)		/* p_memsz */
	bltu	a0, t2, 2f
	add	t4, t2, t3
	bgeu	a0, t4, 2f
	ld	t5, 0(t1)		/* addr */
	sub	a0, a0, t2
	add	a0, a0, t5
	ret
2:	addi	t1, t1, 24
	addi	t0, t0, -1
	j	1b
3:	li	a0, 127			/* not in any segment */
	li	a7, 93
	ecall
	.size	translate, .-translate

