import CSSL

/// OpenSSL's per-thread queue of error codes, read as text.
package enum OpenSSLErrorQueue {
    /// The oldest queued error as OpenSSL's text, then empties the queue.
    package static func takeOldest() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "no reason given" }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        ERR_clear_error()
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The reason part of the oldest queued error (`unsupported protocol`), then empties the queue.
    package static func takeOldestReason() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0, let reason = ERR_reason_error_string(code) else { return "no reason given" }
        return String(cString: reason)
    }
}
