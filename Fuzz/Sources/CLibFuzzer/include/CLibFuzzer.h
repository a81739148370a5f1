#ifndef PAMPHLET_CLIBFUZZER_H
#define PAMPHLET_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`). SwiftPM gives every executable
/// its own `main`, so libFuzzer's `main` is never linked; each target's main.swift calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
