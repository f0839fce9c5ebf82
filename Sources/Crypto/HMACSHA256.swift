import CCrypto

/// HMAC-SHA256 (RFC 2104) through OpenSSL's libcrypto.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    public static func authenticationCode(key: [UInt8], message: some Collection<UInt8>) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let contiguous = Array(message)
        let result = key.withUnsafeBytes { keyBuffer in
            contiguous.withUnsafeBytes { messageBuffer in
                HMAC(EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count), messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                     messageBuffer.count, &code, &length)
            }
        }
        precondition(result != nil, "HMAC(SHA-256) failed: libcrypto is unusable")
        return Array(code.prefix(Int(length)))
    }
}
