#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import FoundationEssentials
import Registry
import RegistryAPI
import Threads

/// One line per request on stderr: time, method, route template, status, duration, principal,
/// request id, and why the server failed when it did.
///
/// Requests answered on an event loop log from the loop, which must never block on a slow
/// stderr (a full pipe), so `record` only queues the record; a thread of its own formats and
/// writes what has queued in one system call (docs/ARCHITECTURE.md, "Answers made on the loop"). Past
/// `maximumQueuedRecords` records are dropped and counted, and the count is written once
/// stderr keeps up again.
final class AccessLog: Sendable {
    private struct Queue {
        var records: [(record: RegistryAPI.LogRecord, time: Date)] = []
        var dropped = 0
        var isFinishing = false
        var isWriting = false
        /// The writer waits for a record, and the next one must wake it; otherwise it comes back
        /// by itself after `batchInterval`, so a busy server pays no wake-up per line.
        var writerIsIdle = false

        var hasWork: Bool { !records.isEmpty || dropped > 0 || isFinishing }
    }

    static let maximumQueuedRecords = 65_536
    /// How long the writer lets records gather after writing a batch.
    static let batchMicroseconds: UInt32 = 5_000
    private let json: Bool
    private let queue = ConditionLock(Queue())

    init(json: Bool) throws {
        self.json = json
        try OSThread.detach { [self] in writeQueuedRecords() }
    }

    func record(_ record: RegistryAPI.LogRecord) {
        let time = Date()
        let wakesWriter = queue.withLock { queue in
            guard queue.records.count < Self.maximumQueuedRecords else {
                queue.dropped += 1
                return false
            }
            queue.records.append((record, time))
            defer { queue.writerIsIdle = false }
            return queue.writerIsIdle
        }
        if wakesWriter { queue.update { _ in } }
    }

    /// Writes what is queued and ends the writer; records made later are dropped.
    func finish() {
        queue.update { $0.isFinishing = true }
        _ = queue.wait(until: { !$0.isWriting && $0.records.isEmpty }) { _ in }
    }

    /// The batch's lines; records of the same millisecond share one formatted time.
    private func lines(_ records: [(record: RegistryAPI.LogRecord, time: Date)]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(records.count * 112)
        var formatted = (millisecond: Int64.min, text: "")
        for (record, time) in records {
            let millisecond = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
            if millisecond != formatted.millisecond { formatted = (millisecond, Timestamp.string(from: time)) }
            record.append(to: &text, time: formatted.text, json: json)
        }
        return text
    }

    private func writeQueuedRecords() {
        while true {
            queue.withLock { $0.writerIsIdle = !$0.hasWork }
            let taken = queue.wait(until: \.hasWork) { queue in
                defer {
                    queue.records.removeAll(keepingCapacity: true)
                    queue.dropped = 0
                }
                queue.writerIsIdle = false
                queue.isWriting = true
                return (queue.records, queue.dropped, queue.isFinishing)
            }
            guard let (records, dropped, isFinishing) = taken else { continue }
            var text = lines(records)
            if dropped > 0 { text.append(contentsOf: "access log: \(dropped) lines dropped, stderr did not keep up\n".utf8) }
            Terminal.writeError(bytes: text)
            let ends = queue.update { queue in
                queue.isWriting = false
                return isFinishing && queue.records.isEmpty
            }
            if ends { return }
            if !isFinishing { usleep(Self.batchMicroseconds) }
        }
    }
}
