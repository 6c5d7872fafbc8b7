// The declaration in include/CLibFuzzer.h is all this module offers; the definition is in libFuzzer.
#include "CLibFuzzer.h"
