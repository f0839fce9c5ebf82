#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal: results on stdout, messages and progress on stderr.
enum Terminal {
    static func error(_ message: String) {
        writeError("error: \(message)\n")
    }

    static func errorDetail(_ line: String) {
        writeError("  \(line)\n")
    }

    static func note(_ message: String) {
        writeError("\(message)\n")
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes straight to file descriptor 2: one system call, no buffering, safe from any thread.
    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes straight to file descriptor 1, unbuffered, so a pipe sees each piece as it comes;
    /// don't mix it with `print`, whose buffer would come out later.
    static func writeOutput(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes UTF-8 already made as bytes (the access log's batches) to file descriptor 2.
    static func writeError(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: STDERR_FILENO) }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }

    /// Columns padded to their widest cell, with a header row.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { index, pair in
                index == cells.count - 1 ? pair.0 : pair.0 + String(repeating: " ", count: pair.1 - pair.0.count)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
