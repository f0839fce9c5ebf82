#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension Pipe {
    /// Everything written to the pipe until its writers close it. `readDataToEndOfFile()` and
    /// `availableData` stop the whole test process on any read error, an interrupted read
    /// included; these retry interrupted reads and end at any other error, so a test sees its
    /// output cut short and fails by itself.
    public func readAll() -> Data {
        var data = Data()
        while case let chunk = readSome(), !chunk.isEmpty { data.append(chunk) }
        return data
    }

    /// What one read returns: at least a byte, waiting for it, or nothing at the end (or an error).
    public func readSome() -> Data {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return Data(buffer.prefix(max(0, count)))
        }
    }
}
