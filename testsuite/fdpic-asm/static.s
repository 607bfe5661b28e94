# A static FDPIC executable in assembly, before the C library exists: it
# does what the psABI asks of crt1 (take the load map from a1, translate
# every word listed in .rofixup, load gp from its last entry), then reads
# data through the GOT and calls a function through its descriptor.
# Exit status 0 and the expected output mean all of that worked.

	.section .rodata
message:
	.ascii	"fdpic static: ok\n"
message_end:
greeting:
	.ascii	"fdpic descriptor call: ok\n"
greeting_end:
	.equ	GREETING_LEN, greeting_end - greeting


	.text
	.globl	_start
	.type	_start, @function
_start:
	mv	s0, a1			# the executable's load map
	li	a0, 1			# a1 must be a load map: version 0 ...
	lhu	t0, 0(s0)
	bnez	t0, fail
	li	a0, 2			# ... with one entry per PT_LOAD
	lhu	t0, 2(s0)
	li	t1, 2
	bne	t0, t1, fail
	li	a0, 3			# a2 is 0: no interpreter
	bnez	a2, fail

	lla	s1, __ROFIXUP_LIST__	# .rofixup travels with the text
	lla	s2, __ROFIXUP_END__
	addi	s2, s2, -8		# the last entry is the GOT address
1:	bgeu	s1, s2, 2f
	ld	a0, 0(s1)		# link-time address of a word
	call	translate
	mv	s3, a0			# run-time address of the word
	ld	a0, 0(s3)
	call	translate
	sd	a0, 0(s3)
	addi	s1, s1, 8
	j	1b
2:	ld	a0, 0(s2)
	call	translate
	mv	gp, a0			# gp: the GOT address, from now on

	lui	a5, %got_gprel_hi(message_ptr)	# data through the GOT
	add	a5, a5, gp, %gprel_add(message_ptr)
	ld	a5, %got_gprel_lo(message_ptr)(a5)
	ld	a1, 0(a5)		# a pointer in data, fixed up
	lui	a5, %gprel_hi(message_len)	# gp-relative data
	add	a5, a5, gp, %gprel_add(message_len)
	ld	a2, %gprel_lo(message_len)(a5)
	li	a0, 1
	li	a7, 64			# write
	ecall

	lui	a0, %funcdesc_gprel_hi(greet)	# a descriptor of ours
	add	a0, a0, gp, %gprel_add(greet)
	addi	a0, a0, %funcdesc_gprel_lo(greet)
	ld	t1, 0(a0)
	ld	gp, 8(a0)
	jalr	t1

	li	a0, 0
exit:	li	a7, 93			# exit
	ecall
fail:	j	exit
	.size	_start, .-_start

# translate: a0 = link-time address -> run-time address, by the load map
# in s0.  Clobbers t0-t5.
	.type	translate, @function
translate:
	lhu	t0, 2(s0)
	addi	t1, s0, 8
1:	beqz	t0, 3f
	ld	t2, 8(t1)		# p_vaddr
	lwu	t3, 16(t1)		# p_memsz
	bltu	a0, t2, 2f
	add	t4, t2, t3
	bgeu	a0, t4, 2f
	ld	t5, 0(t1)		# addr
	sub	a0, a0, t2
	add	a0, a0, t5
	ret
2:	addi	t1, t1, 24
	addi	t0, t0, -1
	j	1b
3:	li	a0, 4			# not in any segment
	j	exit
	.size	translate, .-translate

	.type	greet, @function
greet:
	lui	a5, %got_gprel_hi(greeting)	# gp came from the descriptor
	add	a5, a5, gp, %gprel_add(greeting)
	ld	a1, %got_gprel_lo(greeting)(a5)
	li	a2, GREETING_LEN
	li	a0, 1
	li	a7, 64
	ecall
	ret
	.size	greet, .-greet

	.data
	.p2align 3
message_ptr:
	.dword	message
message_len:
	.dword	message_end - message
