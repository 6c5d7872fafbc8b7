// OpenBLAS's C interface (Debian: libopenblas-dev), for the matrix products of wide layers.
#include <x86_64-linux-gnu/openblas-pthread/cblas.h>
