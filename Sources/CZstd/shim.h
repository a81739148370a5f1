#ifndef PAMPHLET_CZSTD_SHIM_H
#define PAMPHLET_CZSTD_SHIM_H
#include <zstd.h>
#include <zdict.h>
#endif
