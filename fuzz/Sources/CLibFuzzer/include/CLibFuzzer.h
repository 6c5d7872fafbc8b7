#ifndef NNTOP_CLIBFUZZER_H
#define NNTOP_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime that -sanitize=fuzzer links): parses the libFuzzer options in argv and
/// fuzzes `callback`. A program with its own main calls it instead of linking libFuzzer's main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
