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

# Tests take one of $(JOBS) CPU slots each, but the fax tests, which mostly wait on a real call's line
# and run beside them (cmake/MpsTestSlots.cmake); integration tests that share a lock
# (tests/CMakeLists.txt) never run together.
test: build
	printf '{"version": {"major": 1, "minor": 0}, "local": [{"cpu": [{"id": "0", "slots": %s}]}]}\n' \
	  $(JOBS) > $(BUILD)/cpu-slots.json
	cd $(BUILD) && ctest --output-on-failure --timeout 900 -j $$(($(JOBS) + 1)) --resource-spec-file cpu-slots.json

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
