import CCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto.
public enum SHA256 {
    /// The algorithm, fetched once: `EVP_sha256()` makes OpenSSL 3 fetch it from its providers on
    /// every digest, which costs as much as hashing a token. A fetched algorithm is immutable and
    /// safe to share between threads.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        withContiguous(bytes) { buffer in
            [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
                digestInto(digest, of: buffer)
                count = 32
            }
        }
    }

    /// The digest as 64 lowercase hex digits.
    public static func hexDigest(_ bytes: some Collection<UInt8>) -> String {
        withContiguous(bytes) { buffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
                digestInto(digest, of: buffer)
                return hex(digest)
            }
        }
    }

    /// The digest of a token or a document's text, hashed where it lies (one request authenticates by one).
    public static func hexDigest(_ text: String) -> String { hexDigest(text.utf8) }

    private static func withContiguous<Result>(_ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(bytes).withUnsafeBytes(body)
    }

    private static func digestInto(_ digest: UnsafeMutableBufferPointer<UInt8>, of bytes: UnsafeRawBufferPointer) {
        var length: UInt32 = 0
        let ok = EVP_Digest(bytes.baseAddress, bytes.count, digest.baseAddress, &length, algorithm ?? EVP_sha256(), nil)
        precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed: libcrypto is unusable")
    }
}

/// Lowercase hexadecimal text of `bytes`.
public func hex(_ bytes: some Collection<UInt8>) -> String {
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: 2 * bytes.count) { output in
        var next = 0
        for byte in bytes {
            output[next] = digits.utf8Start[Int(byte >> 4)]
            output[next + 1] = digits.utf8Start[Int(byte & 0x0F)]
            next += 2
        }
        return next
    }
}
