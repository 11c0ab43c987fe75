# MPS: the two commands. `make demo` installs what is missing, builds and runs the system;
# `make test` installs what is missing, builds and runs every test.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps build test unit-test integration-test demo bench format clean

all: build

deps:
	installer/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Tests run $(JOBS) at a time; integration tests that share a lock (tests/CMakeLists.txt) never
# run together.
test: build
	cd $(BUILD) && ctest --output-on-failure --timeout 900 -j $(JOBS)

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -L unit -j $(JOBS)

integration-test: build
	cd $(BUILD) && ctest --output-on-failure -L integration -j $(JOBS)

demo: build
	scripts/demo.sh $(BUILD)

bench: build
	bench/run-all.sh

format: $(BUILD)/build.ninja
	cmake --build $(BUILD) --target format

clean:
	rm -rf $(BUILD) .demo
