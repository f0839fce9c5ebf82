import Foundation
import JSON

/// Reading the change log (docs/ARCHITECTURE.md, "Change events").
extension Registry {
    /// The longest a reader may wait for the next event.
    public static let maximumEventWait: Double = 30

    /// Events after `sequence` that `reader` may see, at most `limit`, optionally only of
    /// `types` (short or `io.meshreg.….v1`) and `domain`. With `wait` > 0 and nothing to
    /// return, waits up to that many seconds (at most 30) and returns as soon as one commits.
    public func events(after sequence: Int64, limit: Int, types: [String] = [], domain: String? = nil,
                       reader: Principal, wait: Double = 0) throws(RegistryError) -> EventRead {
        let shortTypes = types.map(ChangeEvent.shortType)
        let deadline = Date().addingTimeInterval(min(max(wait, 0), Self.maximumEventWait))
        while true {
            let generation = notifier.generation
            let found: EventRead = try read { store in
                let prunedThrough = Int64(try store.registryMeta("events-pruned-through") ?? "0") ?? 0
                if sequence < prunedThrough { return .expired(earliestAvailable: prunedThrough + 1) }
                let visible = reader.isAdmin ? nil : try store.domains(of: reader)
                return .events(try store.events(after: sequence, limit: max(1, limit), types: shortTypes, domain: domain,
                                                visibleDomains: visible))
            }
            guard case .events(let events) = found, events.isEmpty, Date() < deadline else { return found }
            // Commits by another process on the same file wake nobody here: look again every second.
            guard notifier.wait(after: generation, until: min(deadline, Date().addingTimeInterval(1))) else { return .busy }
        }
    }
}
