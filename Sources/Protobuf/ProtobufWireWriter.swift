/// Writes the Protocol Buffers binary wire format ("Encoding"), enough to encode descriptors.
struct ProtobufWireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A varint field; negative values take ten bytes, as int32 does on the wire.
    mutating func integer(_ field: Int, _ value: Int) {
        varint(UInt64(field << 3))
        varint(UInt64(bitPattern: Int64(value)))
    }

    mutating func bytes(_ field: Int, _ value: [UInt8]) {
        varint(UInt64(field << 3 | 2))
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ field: Int, _ value: String) { bytes(field, Array(value.utf8)) }

    /// A length-delimited field holding a nested message written by `body`.
    mutating func message(_ field: Int, _ body: (inout ProtobufWireWriter) -> Void) {
        var nested = ProtobufWireWriter()
        body(&nested)
        bytes(field, nested.bytes)
    }
}
