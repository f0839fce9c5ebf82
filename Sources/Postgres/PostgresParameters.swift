import SQL

/// A statement's parameters as `PQexecPrepared` takes them, built in one pass: every value's
/// bytes copied once into one buffer, with the lengths and formats beside them. Text travels as
/// text and bytes in binary, so that no escaping is involved (docs/ARCHITECTURE.md, "PostgreSQL").
struct PostgresParameters {
    /// Every non-NULL value's bytes, each followed by a NUL byte: libpq reads text parameters as
    /// C strings and binary ones by their length.
    private var buffer: [UInt8] = []
    /// Where each value starts in `buffer`; nil for NULL.
    private var offsets: [Int?] = []
    private var lengths: [Int32] = []
    /// 1 for a binary value, 0 for text.
    private var formats: [Int32] = []

    /// The values' wire form; text holding a NUL character is refused (naming `sql`), since
    /// PostgreSQL would store it cut short.
    init(_ values: [any SQLBindable], of sql: String) throws(PostgresError) {
        offsets.reserveCapacity(values.count)
        lengths.reserveCapacity(values.count)
        formats.reserveCapacity(values.count)
        for value in values {
            switch value.sqlValue {
            case .null:
                offsets.append(nil)
                lengths.append(0)
                formats.append(0)
            case .text(let text):
                guard !text.utf8.contains(0) else {
                    throw PostgresError(sqlState: "22021", message: "text with a NUL character cannot be stored in PostgreSQL; remove it", sql: sql)
                }
                append(text.utf8, binary: false)
            case .integer(let integer): append(String(integer).utf8, binary: false)
            case .real(let real): append(Self.text(of: real).utf8, binary: false)
            case .blob(let bytes): append(bytes, binary: true)
            }
        }
    }

    private mutating func append(_ bytes: some Collection<UInt8>, binary: Bool) {
        offsets.append(buffer.count)
        lengths.append(Int32(bytes.count))
        formats.append(binary ? 1 : 0)
        buffer.append(contentsOf: bytes)
        buffer.append(0)
    }

    private static func text(of real: Double) -> String {
        if real.isNaN { return "NaN" }
        if real.isInfinite { return real < 0 ? "-Infinity" : "Infinity" }
        return "\(real)"
    }

    /// Calls `body` with a pointer to each value (NULL for NULL), their lengths and their formats;
    /// the pointers point into the buffer and live only for the call.
    func withPointers<T>(_ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) -> T) -> T {
        buffer.withUnsafeBytes { bytes in
            // Every non-NULL value adds at least its NUL byte, so the buffer has an address whenever an offset exists.
            let pointers = offsets.map { offset in offset.map { (bytes.baseAddress! + $0).assumingMemoryBound(to: CChar.self) } }
            return body(pointers, lengths, formats)
        }
    }
}
