#ifndef MESHREG_CSSL_SHIM_H
#define MESHREG_CSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

// OpenSSL spells these as macros, which Swift does not import.
static inline int meshreg_ssl_set_server_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}
static inline int meshreg_ssl_ctx_set_minimum_tls12(SSL_CTX *context) {
    return (int)SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
}

// The server side: TLS 1.2 and 1.3 only, no renegotiation, buffers released while a connection
// is idle (many kept-alive connections hold little memory).
static inline int meshreg_ssl_ctx_configure_server(SSL_CTX *context) {
    if (SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) != 1) return 0;
    if (SSL_CTX_set_max_proto_version(context, TLS1_3_VERSION) != 1) return 0;
    SSL_CTX_set_options(context, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_mode(context, SSL_MODE_RELEASE_BUFFERS);
    return 1;
}

// ALPN (RFC 7301): select http/1.1 when the client offers it; a client that offers only other
// protocols gets the fatal no_application_protocol alert.
static const unsigned char meshreg_alpn_http11[] = { 8, 'h', 't', 't', 'p', '/', '1', '.', '1' };
static int meshreg_alpn_select_http11(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                                      const unsigned char *in, unsigned int inlen, void *argument) {
    (void)ssl; (void)argument;
    if (SSL_select_next_proto((unsigned char **)out, outlen, meshreg_alpn_http11, sizeof meshreg_alpn_http11,
                              in, inlen) == OPENSSL_NPN_NEGOTIATED) {
        return SSL_TLSEXT_ERR_OK;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}
static inline void meshreg_ssl_ctx_select_alpn_http11(SSL_CTX *context) {
    SSL_CTX_set_alpn_select_cb(context, meshreg_alpn_select_http11, NULL);
}

// Encrypted keys are refused rather than prompting for a passphrase on the terminal.
static int meshreg_refuse_passphrase(char *buffer, int size, int rwflag, void *argument) {
    (void)buffer; (void)size; (void)rwflag; (void)argument;
    return 0;
}
static inline void meshreg_ssl_ctx_refuse_passphrases(SSL_CTX *context) {
    SSL_CTX_set_default_passwd_cb(context, meshreg_refuse_passphrase);
}

// Tests: a client limited to the given protocol versions.
static inline int meshreg_ssl_ctx_set_protocol_range(SSL_CTX *context, int minimum, int maximum) {
    return (int)(SSL_CTX_set_min_proto_version(context, minimum) && SSL_CTX_set_max_proto_version(context, maximum));
}
#endif
