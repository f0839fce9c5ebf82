/// Reads the Protocol Buffers binary wire format ("Encoding": varints, length-delimited fields),
/// enough to decode descriptors.
struct ProtobufWireReader {
    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset >= bytes.endIndex }

    /// The byte offset, for errors.
    var position: Int { offset }

    /// The next field's number and wire type, or nil at the end.
    mutating func nextTag() throws(ProtobufSchemaError) -> (field: Int, wireType: Int)? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        guard key >> 3 > 0, key >> 3 <= UInt64(ProtobufField.maximumNumber) else { throw error("a field number of 0 or out of range") }
        return (Int(key >> 3), Int(key & 7))
    }

    mutating func varint() throws(ProtobufSchemaError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw error("a truncated or overlong varint") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A varint read as a signed 32-bit value (negative int32 values take ten bytes).
    mutating func int32() throws(ProtobufSchemaError) -> Int { Int(Int32(truncatingIfNeeded: Int64(bitPattern: try varint()))) }

    mutating func lengthDelimited() throws(ProtobufSchemaError) -> ArraySlice<UInt8> {
        let length = try varint()
        guard length <= UInt64(bytes.endIndex - offset) else { throw error("a length past the end of the data") }
        defer { offset += Int(length) }
        return bytes[offset..<offset + Int(length)]
    }

    mutating func string() throws(ProtobufSchemaError) -> String { String(decoding: try lengthDelimited(), as: UTF8.self) }

    /// Skips a field this decoder does not read.
    mutating func skip(wireType: Int) throws(ProtobufSchemaError) {
        switch wireType {
        case 0: _ = try varint()
        case 1: try advance(8)
        case 2: _ = try lengthDelimited()
        case 5: try advance(4)
        default: throw error("wire type \(wireType), which descriptors do not use")
        }
    }

    private mutating func advance(_ count: Int) throws(ProtobufSchemaError) {
        guard bytes.endIndex - offset >= count else { throw error("a fixed-size value past the end of the data") }
        offset += count
    }

    func error(_ what: String) -> ProtobufSchemaError {
        ProtobufSchemaError(.syntax, at: ProtobufPosition(line: 1, column: offset - bytes.startIndex + 1),
                            "the schema is neither .proto text nor a valid base64 FileDescriptorProto: byte \(offset) holds \(what)")
    }
}
