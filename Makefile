# symdiff: the README's commands. `make demo`, `make examples`, `make test` (CI: .ci/run),
# `make bench`.
# Each installs the Debian packages it needs (only the missing ones), then drives CMake.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Debian's interpreter: it imports python3-sympy/-mpmath; a PATH python3 (pyenv) may not.
PYTHON     ?= /usr/bin/python3
BUILD_TYPE ?= Release
JOBS       ?= 2
ARGS       ?=
CMAKE_ARGS  = -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPython3_EXECUTABLE=$(PYTHON)

DEPS          := g++ clang cmake make catch2 python3-sympy python3-mpmath python3-matplotlib \
                 graphviz time
BENCH_DEPS    := libbenchmark-dev
BENCH_OPTIONAL := libeigen3-dev libceres-dev
BOOST_PACKAGE := libboost1.81-dev
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# $(call install_missing,required packages,optional packages)
# One `apt-get update`, and only if something is missing. Boost: any installed Boost >= 1.74 with
# Hana and Mp11 is used as is (the 1.74 and 1.81 -dev packages conflict: never replace one).
define install_missing
	@installed() { dpkg -s "$$1" 2>/dev/null | grep -q '^Status: install ok installed'; }; \
	missing=""; optional=""; \
	for p in $(1); do installed $$p || missing+=" $$p"; done; \
	for p in $(2); do installed $$p || optional+=" $$p"; done; \
	v=/usr/include/boost/version.hpp; \
	if [ -f $$v ]; then \
	  boost=$$(sed -n 's/^#define BOOST_VERSION \([0-9]*\).*/\1/p' $$v); \
	  if [ "$${boost:-0}" -lt 107400 ] || [ ! -f /usr/include/boost/hana.hpp ] \
	     || [ ! -f /usr/include/boost/mp11.hpp ]; then \
	    echo "error: /usr/include/boost is version $$boost without Hana/Mp11 or older than 1.74;" \
	         "remove its -dev package and install $(BOOST_PACKAGE)" >&2; exit 1; \
	  fi; \
	else missing+=" $(BOOST_PACKAGE)"; fi; \
	if [ -n "$$missing$$optional" ]; then \
	  echo "installing:$$missing$$optional"; \
	  $(SUDO) apt-get update; \
	fi; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi; \
	if [ -n "$$optional" ]; then \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$optional \
	    || echo "note: optional$$optional not installed; benchmarks against them are skipped"; \
	fi
endef

.PHONY: all deps bench-deps check-python demo examples test bench clean format

all: test

deps:
	$(call install_missing,$(DEPS),)

bench-deps:
	$(call install_missing,$(DEPS) $(BENCH_DEPS),$(BENCH_OPTIONAL))

check-python:
	@$(PYTHON) -c 'import sympy, mpmath, matplotlib' \
	  || { echo "error: $(PYTHON) cannot import sympy, mpmath and matplotlib (make deps)" >&2; exit 1; }

demo: deps
	cmake -S . -B build/demo $(CMAKE_ARGS) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
	      -DSYMDIFF_BUILD_TESTS=OFF
	cmake --build build/demo --target neuron -j $(JOBS)
	./build/demo/examples/neuron $(ARGS)

# The training examples (docs/tutorial.md): the neuron trained to its target, then a small network
# on two half-moons; the network's loss curve and decision boundary go to build/demo/ as CSV and,
# when matplotlib is installed, as build/demo/train_mlp_loss.png.
examples: deps
	cmake -S . -B build/demo $(CMAKE_ARGS) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
	      -DSYMDIFF_BUILD_TESTS=OFF
	cmake --build build/demo --target train_neuron train_mlp -j $(JOBS)
	./build/demo/examples/train_neuron
	@echo
	./build/demo/examples/train_mlp csv=build/demo/train_mlp_loss.csv
	@if [ -x $(PYTHON) ]; then $(PYTHON) examples/plot_training.py build/demo/train_mlp_loss.csv; \
	 else echo "no $(PYTHON): the loss curve is not drawn"; fi

# Both compilers are always built (keep going past errors, so every error shows) and tested.
# The output ends with a ctest summary: clang's when all passed, otherwise the failed one's,
# printed again so it is the last thing on screen.
test: deps check-python
	@status=0; broken=""; failed=""; \
	for c in gcc clang; do \
	  cxx=$$([ $$c = gcc ] && echo g++ || echo clang++); \
	  echo "=== $$c: configure and build (build/$$c)"; \
	  if ! cmake -S . -B build/$$c $(CMAKE_ARGS) -DCMAKE_CXX_COMPILER=$$cxx; then \
	    status=1; broken+=" $$c"; continue; \
	  fi; \
	  cmake --build build/$$c -j $(JOBS) -- -k || status=1; \
	done; \
	for c in gcc clang; do \
	  [[ " $$broken " == *" $$c "* ]] && continue; \
	  echo "=== $$c: ctest (build/$$c)"; \
	  ctest --test-dir build/$$c --output-on-failure --no-tests=error -j $(JOBS) \
	    | tee build/$$c/ctest.log || { status=1; failed+=" $$c"; }; \
	done; \
	for c in $$broken; do echo "=== $$c: CMake configure FAILED (errors above)"; done; \
	for c in $$failed; do \
	  echo "=== $$c: FAILED"; sed -n '/tests passed, /,$$p' build/$$c/ctest.log; \
	done; \
	exit $$status

# bench/CMakeLists.txt (when it exists) defines the target `run_bench`, which runs every benchmark.
bench: bench-deps
	@if [ ! -f bench/CMakeLists.txt ]; then echo "no benchmarks yet (bench/CMakeLists.txt)"; exit 0; fi; \
	for c in gcc clang; do \
	  cxx=$$([ $$c = gcc ] && echo g++ || echo clang++); \
	  cmake -S . -B build/bench-$$c $(CMAKE_ARGS) -DCMAKE_BUILD_TYPE=Release \
	        -DCMAKE_CXX_COMPILER=$$cxx -DSYMDIFF_BUILD_TESTS=OFF -DSYMDIFF_BUILD_BENCH=ON; \
	  cmake --build build/bench-$$c --target run_bench -j $(JOBS); \
	done

clean:
	rm -rf build

format:
	find include tests examples $(wildcard docs/examples bench) -name '*.[ch]pp' -print0 \
	  | xargs -0 -r clang-format -i
