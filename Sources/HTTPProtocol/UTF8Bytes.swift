extension Substring {
    /// Whether the text begins with `prefix`, compared byte by byte over contiguous UTF-8. A
    /// request path is ASCII, and `utf8.starts(with:)` would step a `String.Index` per byte.
    @inlinable
    package func hasBytePrefix(_ prefix: String) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { expected in
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.count >= expected.count && zip(bytes, expected).allSatisfy { $0 == $1 }
            } ?? utf8.starts(with: expected)
        }
    }
}
