#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension Pipe {
    /// Everything written to the pipe until its writers close it. `readDataToEndOfFile()` stops
    /// the whole test process on any read error, an interrupted read included; this retries
    /// interrupted reads and ends at any other error, so a test sees its output cut short and
    /// fails by itself.
    public func readAll() -> Data {
        let descriptor = fileHandleForReading.fileDescriptor
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }
}
