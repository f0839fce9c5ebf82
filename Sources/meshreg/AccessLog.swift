import FoundationEssentials
import Registry
import RegistryAPI
import Threads

/// One line per request on stderr: time, method, route template, status, duration, principal,
/// request id, and why the server failed when it did.
///
/// Requests answered on an event loop log from the loop, which must never block on a slow
/// stderr (a full pipe), so `record` only queues the record; a thread of its own formats and
/// writes what has queued in one system call (docs/ARCHITECTURE.md, "Event loops"). Past
/// `maximumQueuedRecords` records are dropped and counted, and the count is written once
/// stderr keeps up again.
final class AccessLog: Sendable {
    private struct Queue {
        var records: [(record: RegistryAPI.LogRecord, time: Date)] = []
        var dropped = 0
        var isFinishing = false
        var isWriting = false
    }

    static let maximumQueuedRecords = 65_536
    private let json: Bool
    private let queue = ConditionLock(Queue())

    init(json: Bool) throws {
        self.json = json
        try OSThread.detach { [self] in writeQueuedLines() }
    }

    func record(_ record: RegistryAPI.LogRecord) {
        let time = Date()
        let wakesWriter = queue.withLock { queue in
            guard queue.records.count < Self.maximumQueuedRecords else {
                queue.dropped += 1
                return false
            }
            queue.records.append((record, time))
            return queue.records.count == 1 && !queue.isWriting
        }
        if wakesWriter { queue.update { _ in } }
    }

    /// Writes what is queued and ends the writer; lines recorded later are dropped.
    func finish() {
        queue.update { $0.isFinishing = true }
        _ = queue.wait(until: { !$0.isWriting && $0.records.isEmpty }) { _ in }
    }

    private func writeQueuedLines() {
        while true {
            let taken = queue.wait(until: { !$0.records.isEmpty || $0.dropped > 0 || $0.isFinishing }) { queue in
                defer {
                    queue.records.removeAll(keepingCapacity: true)
                    queue.dropped = 0
                }
                queue.isWriting = true
                return (queue.records, queue.dropped, queue.isFinishing)
            }
            guard let (records, dropped, isFinishing) = taken else { continue }
            var text = records.map { $0.record.line(time: Timestamp.string(from: $0.time), json: json) }.joined()
            if dropped > 0 { text += "access log: \(dropped) lines dropped, stderr did not keep up\n" }
            Terminal.writeError(text)
            let ends = queue.update { queue in
                queue.isWriting = false
                return isFinishing && queue.records.isEmpty
            }
            if ends { return }
        }
    }
}
