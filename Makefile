# RISC-V FDPIC toolchain: riscv64-linux-fdpic-{gcc,binutils}, uClibc-ng and
# qemu-riscv64, built from Debian 12 source packages plus the patch series in
# this tree.
#
# One stamp per step, each step restartable; a step's commands live in
# scripts/build/<step>.sh, its log in build/logs/<config>-<step>.log.
# See README.md for the targets.

SHELL := /bin/bash
TOP := $(CURDIR)

# CONFIG=fdpic (default) is the product; CONFIG=baseline is the non-FDPIC
# riscv64-linux-uclibc toolchain built from the same patched sources, which
# every comparison is made against.
CONFIG ?= fdpic
ifeq ($(CONFIG),fdpic)
TARGET := riscv64-linux-fdpic
PREFIX ?= $(TOP)/install
else ifeq ($(CONFIG),baseline)
TARGET := riscv64-linux-uclibc
PREFIX ?= $(TOP)/install-baseline
else
$(error CONFIG must be fdpic or baseline, not '$(CONFIG)')
endif
BASELINE_PREFIX ?= $(TOP)/install-baseline

SYSROOT := $(PREFIX)/sysroot
SRC := $(TOP)/build/src
DL := $(TOP)/build/dl
OBJ := $(TOP)/build/$(CONFIG)/obj
STAMPS := $(TOP)/build/$(CONFIG)/stamps
SRCSTAMPS := $(TOP)/build/src-stamps
LOGS := $(TOP)/build/logs
JOBS ?= $(shell nproc)

export TOP SRC DL OBJ PREFIX SYSROOT TARGET CONFIG JOBS

# Upstream components and the directory holding each one's patch series.
COMPONENTS := binutils gcc uclibc linux qemu busybox
PATCHES_binutils := binutils-patches
PATCHES_gcc := gcc-patches
PATCHES_uclibc := uclibc-fdpic
PATCHES_linux := kernel-binfmt-elf-fdpic
PATCHES_qemu := testsuite/qemu-patches
PATCHES_busybox := testsuite/busybox-patches

STEP = $(TOP)/scripts/step.sh
step = $(STEP) $(1) $(LOGS)/$(CONFIG)-$(1).log $(TOP)/scripts/build/$(1).sh

.PHONY: all toolchain qemu kernel busybox baseline baseline-busybox system build-system repin demo check-nommu check check-smoke check-pipeline check-psabi check-series check-binutils check-fdpic-asm check-gcc-fdpic check-fdpic-c check-runtime check-threads check-cxx check-gcc-execute check-busybox check-realworld fuzz fuzz-nommu soak check-gcc check-gcc-baseline check-g++ check-g++-baseline check-libstdc++ check-libstdc++-baseline bench bench-size bench-stack fetch deps sources clean \
        distclean $(addprefix export-,$(COMPONENTS))
all: toolchain qemu
	@echo "Installed: $(PREFIX)/bin/$(TARGET)-* and qemu-riscv64; sysroot $(SYSROOT)"

toolchain: $(STAMPS)/sysroot

# ---------------------------------------------------------------------------
# Sources: build/src/<component> is a git tree, tag `base` = pristine Debian
# source, then one commit per patch of the component's series.


deps: $(TOP)/build/deps.stamp
$(TOP)/build/deps.stamp: scripts/install-deps.sh scripts/pins.sh scripts/sources.sha256
	@mkdir -p $(@D)
	@$(STEP) deps $(LOGS)/deps.log scripts/install-deps.sh
	@touch $@

fetch: $(TOP)/build/fetch.stamp
$(TOP)/build/fetch.stamp: scripts/pins.sh scripts/sources.sha256 | deps
	@$(STEP) fetch $(LOGS)/fetch.log scripts/pins.sh fetch
	@touch $@

# Pin the newest version apt offers of every source package, record version
# and sha256 in scripts/sources.sha256, and check that every series applies.
repin:
	@scripts/pins.sh repin $(foreach c,$(COMPONENTS),$(c)=$(TOP)/$(PATCHES_$(c)))

# $(1) = component
define source_rules
$(SRCSTAMPS)/$(1): $$(wildcard $$(PATCHES_$(1))/*.patch) scripts/sources.sha256 \
                   scripts/apply-series.sh | $(TOP)/build/fetch.stamp
	@mkdir -p $$(@D) $$(PATCHES_$(1))
	@scripts/unpack.sh --current $(1) $(SRC)/$(1) || $(STEP) unpack-$(1) \
	    $(LOGS)/unpack-$(1).log scripts/unpack.sh $(1) $(SRC)/$(1)
	@scripts/apply-series.sh $(SRC)/$(1) $(TOP)/$$(PATCHES_$(1))
	@touch $$@
export-$(1):
	@echo "Exporting $(SRC)/$(1) base..HEAD to $$(PATCHES_$(1))/"
	@scripts/export-series.sh $(SRC)/$(1) $(TOP)/$$(PATCHES_$(1))
	@touch $(SRCSTAMPS)/$(1)
endef
$(foreach c,$(COMPONENTS),$(eval $(call source_rules,$(c))))
sources: $(addprefix $(SRCSTAMPS)/,$(COMPONENTS))

# ---------------------------------------------------------------------------
# Toolchain steps, in order.

$(STAMPS)/binutils: $(SRCSTAMPS)/binutils
	+@mkdir -p $(@D); $(call step,binutils) && touch $@

$(STAMPS)/headers: $(SRCSTAMPS)/linux $(SRCSTAMPS)/uclibc $(STAMPS)/binutils \
                   uclibc-fdpic/$(CONFIG).config
	+@$(call step,headers) && scripts/headers-sum.sh $(SYSROOT) $@.sum && touch $@

# gcc depends on what the headers hold, not on when they were installed
# (scripts/headers-sum.sh rewrites headers.sum only when they change).
$(STAMPS)/headers.sum: $(STAMPS)/headers
	@[ -e $@ ] || { scripts/headers-sum.sh $(SYSROOT) $@ && touch -r $< $@; }

$(STAMPS)/gcc: $(SRCSTAMPS)/gcc $(STAMPS)/headers.sum scripts/build/gcc.sh
	+@$(call step,gcc) && touch $@

$(STAMPS)/libgcc-static: $(STAMPS)/gcc
	+@$(call step,libgcc-static) && touch $@

$(STAMPS)/uclibc: $(STAMPS)/libgcc-static $(STAMPS)/headers
	+@$(call step,uclibc) && touch $@

$(STAMPS)/libgcc: $(STAMPS)/uclibc scripts/build/libgcc.sh
	+@$(call step,libgcc) && touch $@

$(STAMPS)/libgomp: $(STAMPS)/libgcc scripts/build/libgomp.sh
	+@$(call step,libgomp) && touch $@

$(STAMPS)/libstdcxx: $(STAMPS)/libgomp scripts/build/libstdcxx.sh
	+@$(call step,libstdcxx) && touch $@

$(STAMPS)/sysroot: $(STAMPS)/libstdcxx scripts/build/sysroot.sh
	+@$(call step,sysroot) && touch $@

qemu: $(STAMPS)/qemu
$(STAMPS)/qemu: $(SRCSTAMPS)/qemu
	+@mkdir -p $(@D); $(call step,qemu) && touch $@

# A step runs again when its script changes, or what every script shares
# (scripts/build/common.sh: the host compiler flags, configure_in).  A step
# that configures records the command line in its build tree and starts
# that tree again from scratch when it differs (configure_in), so a changed
# option is never ignored.
BUILD_STEPS := binutils headers gcc libgcc-static uclibc libgcc libgomp libstdcxx \
               sysroot qemu busybox
$(addprefix $(STAMPS)/,$(BUILD_STEPS)): $(STAMPS)/%: scripts/build/%.sh scripts/build/common.sh
$(STAMPS)/headers $(STAMPS)/uclibc: scripts/build/uclibc-config.sh

# The nommu kernel (one for both configurations), built with Debian's
# riscv64-linux-gnu-gcc.
NOMMU := $(TOP)/build/nommu
kernel: $(NOMMU)/kernel.stamp
$(NOMMU)/kernel.stamp: $(SRCSTAMPS)/linux kernel-binfmt-elf-fdpic/nommu-fdpic.config \
                       scripts/build/kernel.sh scripts/build/common.sh
	+@mkdir -p $(@D); $(call step,kernel) && touch $@

# busybox 1.35.0 for the nommu system: an FDPIC PIE (CONFIG=fdpic) or the
# status quo, a non-FDPIC static PIE (CONFIG=baseline).
busybox: $(STAMPS)/busybox
$(STAMPS)/busybox: $(STAMPS)/sysroot $(SRCSTAMPS)/busybox scripts/build/busybox.sh \
                   testsuite/nommu/busybox.config testsuite/nommu/static-pie-start.S \
                   testsuite/nommu/static-pie.specs
	+@$(call step,busybox) && touch $@

# The non-FDPIC comparison toolchain, in its own prefix.  The sources come
# first, here: a parallel run must not unpack one tree twice.
baseline: sources
	@$(MAKE) --no-print-directory CONFIG=baseline PREFIX=$(BASELINE_PREFIX) toolchain
baseline-busybox: sources
	@$(MAKE) --no-print-directory CONFIG=baseline PREFIX=$(BASELINE_PREFIX) busybox

# Everything make demo and make check need, in JOBS parallel jobs that all
# steps share: the two toolchains, qemu and the kernel are independent
# chains, and each step's own make joins this make's jobserver (the
# recipes marked `+`; scripts/build/common.sh: PAR), so that the
# single-threaded stretches of one step (configure scripts, final links)
# leave the cores to another.
SYSTEM_STAMPS := $(STAMPS)/sysroot $(STAMPS)/qemu $(STAMPS)/busybox $(NOMMU)/kernel.stamp \
                 $(TOP)/build/baseline/stamps/busybox
system: all kernel busybox baseline-busybox
build-system:
	@$(MAKE) --no-print-directory -j$(JOBS) system

# The project's main job: N busybox processes (default 8) on the nommu
# kernel, FDPIC and the status quo side by side (scripts/demo.sh).
N ?= 8
demo:
	@for s in $(SYSTEM_STAMPS); do [ -e $$s ] || { cat scripts/demo-plan.txt; break; }; done
	@$(MAKE) --no-print-directory build-system
	@N=$(N) scripts/demo.sh

# ---------------------------------------------------------------------------
# Tests.  `make check` builds what is missing, then runs every suite; each
# suite prints 'N passed, N failed' and the last line sums them.

# RELAX=0: the suites compile and link FDPIC code with -mno-relax (no
# linker relaxation); make check and make check-gcc pass either way.
RELAX ?= 1
ifeq ($(RELAX),0)
export FDPIC_NO_RELAX := 1
endif
CHECK = BINUTILS_OBJ=$(OBJ)/binutils GCC_OBJ=$(OBJ)/gcc testsuite/run-checks.sh $(PREFIX) $(TOP)/build/check

check: build-system
	@REALWORLD_QUICK=1 $(CHECK) pipeline smoke psabi binutils gcc-fdpic fdpic-asm fdpic-c runtime threads cxx fuzz nommu busybox gcc-execute realworld

# Real-world packages (testsuite/realworld/): Debian packages' libraries and
# their own tests, built and run with the FDPIC and the baseline toolchain
# side by side; fails if a test passes on the baseline only.  make check
# runs its short subset (REALWORLD_QUICK=1).
check-realworld: all baseline
	@SHOW_PASSES=0 testsuite/realworld/run.sh

check-nommu: build-system
	@$(CHECK) nommu

# busybox's own testsuite in the nommu system, FDPIC busybox against the
# status quo: make check runs a sample of applets, this target all of them.
check-busybox: build-system
	@BUSYBOX_APPLETS=all $(CHECK) busybox

# The loader fuzz campaign under qemu-riscv64 (testsuite/fuzz/): FUZZ_CASES
# (10000) cases from FUZZ_SEED.  make check runs the regression cases and
# a sample of 300 (README, Tests).
FUZZ_CASES ?= 10000
FUZZ_SEED ?= 1
fuzz: all
	@FUZZ_CASES=$(FUZZ_CASES) FUZZ_SEED=$(FUZZ_SEED) $(CHECK) fuzz

# The same campaign in the nommu system (testsuite/fuzz-nommu/):
# FUZZ_NOMMU_CASES (1000) cases from FUZZ_SEED, FUZZ_NOMMU_BATCH (250)
# per boot.
FUZZ_NOMMU_CASES ?= 1000
FUZZ_NOMMU_BATCH ?= 250
fuzz-nommu: build-system
	@FUZZ_NOMMU_CASES=$(FUZZ_NOMMU_CASES) FUZZ_NOMMU_BATCH=$(FUZZ_NOMMU_BATCH) \
	  FUZZ_SEED=$(FUZZ_SEED) $(CHECK) fuzz-nommu

# The soak on the nommu system (testsuite/soak/): 64 busybox shells for 10
# minutes, then 1000 dlopen/dlclose cycles; memory must come back.
soak: build-system
	@$(CHECK) soak

check-runtime: all
	@$(CHECK) runtime

check-threads: all
	@$(CHECK) threads

check-cxx: all
	@$(CHECK) cxx

check-gcc-execute: all
	@$(CHECK) gcc-execute

# GCC's own testsuite on the target, programs run by qemu-riscv64
# (scripts/check-gcc.sh; CHECK_GCC_SETS selects the .exp files), and the
# same on the baseline toolchain; scripts/compare-sums.py compares them.
check-gcc: all
	@CONFIG=$(CONFIG) PREFIX=$(PREFIX) scripts/check-gcc.sh

check-gcc-baseline: baseline qemu
	@CONFIG=baseline PREFIX=$(BASELINE_PREFIX) \
	  QEMU_RISCV64=$(PREFIX)/bin/qemu-riscv64 scripts/check-gcc.sh

# The same for GCC's C++ testsuite (g++.dg, g++.dg/torture): check-g++.
check-g++: all
	@CHECK_GCC_LANG=c++ CONFIG=$(CONFIG) PREFIX=$(PREFIX) scripts/check-gcc.sh

check-g++-baseline: baseline qemu
	@CHECK_GCC_LANG=c++ CONFIG=baseline PREFIX=$(BASELINE_PREFIX) \
	  QEMU_RISCV64=$(PREFIX)/bin/qemu-riscv64 scripts/check-gcc.sh

# libstdc++'s own testsuite (a part: CHECK_GCC_SETS in scripts/check-gcc.sh).
check-libstdc++: all
	@CHECK_GCC_LANG=libstdc++ CONFIG=$(CONFIG) PREFIX=$(PREFIX) scripts/check-gcc.sh

check-libstdc++-baseline: baseline qemu
	@CHECK_GCC_LANG=libstdc++ CONFIG=baseline PREFIX=$(BASELINE_PREFIX) \
	  QEMU_RISCV64=$(PREFIX)/bin/qemu-riscv64 scripts/check-gcc.sh

check-binutils: toolchain
	@$(CHECK) binutils

check-smoke: all
	@$(CHECK) smoke

check-pipeline: fetch
	@$(CHECK) pipeline

# Every prefix of a patch series builds (scripts/check-series.sh): each
# patch applied in turn with git am to the pristine source and the tree
# built.  SERIES=<component> for some; each tree is configured as its build
# step configured the product's (read back from the product's build trees),
# uClibc-ng is built with both toolchains.  Long (gcc alone takes hours);
# not part of make check.
SERIES ?= binutils linux qemu uclibc gcc
check-series: sources $(if $(filter binutils gcc uclibc,$(SERIES)),toolchain) \
	$(if $(filter qemu,$(SERIES)),qemu) $(if $(filter uclibc,$(SERIES)),baseline) \
	$(if $(filter linux,$(SERIES)),kernel)
	@$(foreach c,$(SERIES),scripts/check-series.sh $(c) $(PATCHES_$(c)) &&) true

# The psABI document against the implementations (testsuite/psabi/).
check-psabi: all
	@$(CHECK) psabi

check-fdpic-asm: all
	@$(CHECK) fdpic-asm

check-gcc-fdpic: toolchain
	@$(CHECK) gcc-fdpic

check-fdpic-c: all
	@$(CHECK) fdpic-c

# Benchmarks, not tests.  bench: instructions executed and segment sizes,
# FDPIC against the baseline (testsuite/bench/run.sh; build/bench/).
bench: all
	@$(MAKE) --no-print-directory baseline
	@PREFIX=$(PREFIX) BASELINE_PREFIX=$(BASELINE_PREFIX) testsuite/bench/run.sh

# bench-stack: how deep the FDPIC busybox's stack goes in busybox's own
# testsuite on the nommu system (testsuite/bench/stack.sh).
bench-stack: build-system
	@PREFIX=$(PREFIX) testsuite/bench/stack.sh

# bench-size: text sizes of uClibc-ng compiled both ways.
bench-size: all
	@$(MAKE) --no-print-directory baseline
	@scripts/bench-size.sh

clean:
	rm -rf $(TOP)/build/fdpic $(TOP)/build/baseline $(TOP)/build/check
distclean:
	rm -rf $(TOP)/build $(TOP)/install $(TOP)/install-baseline
