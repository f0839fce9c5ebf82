import CCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto.
public enum SHA256 {
    /// The algorithm, fetched once: `EVP_sha256()` makes OpenSSL 3 fetch it from its providers on
    /// every digest, which costs as much as hashing a token. A fetched algorithm is immutable and
    /// safe to share between threads.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let contiguous = Array(bytes)
        let ok = contiguous.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, algorithm ?? EVP_sha256(), nil)
        }
        precondition(ok == 1, "EVP_Digest(SHA-256) failed: libcrypto is unusable")
        return Array(digest.prefix(Int(length)))
    }

    /// The digest as 64 lowercase hex digits.
    public static func hexDigest(_ bytes: some Collection<UInt8>) -> String { hex(hash(bytes)) }

    public static func hexDigest(_ text: String) -> String { hexDigest(Array(text.utf8)) }
}

/// Lowercase hexadecimal text of `bytes`.
public func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits: StaticString = "0123456789abcdef"
    var output: [UInt8] = []
    output.reserveCapacity(2 * bytes.underestimatedCount)
    for byte in bytes {
        output.append(digits.utf8Start[Int(byte >> 4)])
        output.append(digits.utf8Start[Int(byte & 0x0F)])
    }
    return String(decoding: output, as: UTF8.self)
}
