#ifndef PAMPHLET_CQRENCODE_SHIM_H
#define PAMPHLET_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
