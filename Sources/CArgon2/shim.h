#ifndef PAMPHLET_CARGON2_SHIM_H
#define PAMPHLET_CARGON2_SHIM_H
#include <argon2.h>
#endif
