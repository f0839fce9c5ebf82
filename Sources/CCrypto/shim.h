#ifndef MESHREG_CCRYPTO_SHIM_H
#define MESHREG_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#endif
