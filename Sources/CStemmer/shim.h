#ifndef PAMPHLET_CSTEMMER_SHIM_H
#define PAMPHLET_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
