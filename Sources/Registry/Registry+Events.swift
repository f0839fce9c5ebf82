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
        let deadline = ContinuousClock.now + .milliseconds(Int(min(max(wait, 0), Self.maximumEventWait) * 1_000))
        while true {
            let generation = notifier.generation
            let found: EventRead = try read { store in
                let prunedThrough = Int64(try store.registryMeta("events-pruned-through") ?? "0") ?? 0
                if sequence < prunedThrough { return .expired(earliestAvailable: prunedThrough + 1) }
                let visible = reader.isAdmin ? nil : try store.domains(of: reader)
                return .events(try store.events(after: sequence, limit: max(1, limit), types: shortTypes, domains: domain.map { [$0] } ?? [],
                                                visibleDomains: visible))
            }
            guard case .events(let events) = found, events.isEmpty, ContinuousClock.now < deadline else { return found }
            // Commits by another process on the same SQLite file wake nobody here (on PostgreSQL a
            // serving registry's commit listener does; a command's has none): look again every second.
            guard notifier.wait(after: generation, until: min(deadline, ContinuousClock.now + .seconds(1))) else { return .busy }
        }
    }
}

extension Registry {
    /// The newest event's sequence (0 when there is none): where a live page starts reading the feed.
    public func latestEventSequence() throws(RegistryError) -> Int64 {
        try read { store in try store.latestEventSequence() }
    }

    /// How many write batches have committed in this process; pass it to `waitForCommit`.
    package var commitGeneration: UInt64 { notifier.generation }

    /// Sleeps until a batch commits after `generation`, or until `deadline`.
    package func waitForCommit(after generation: UInt64, until deadline: ContinuousClock.Instant) {
        _ = notifier.wait(after: generation, until: deadline)
    }
}
