/// What a read of the change log found: events, or that the reader's position has been pruned.
public enum EventRead: Sendable, Hashable {
    /// Events after the position, in sequence order (possibly none).
    case events([ChangeEvent])
    /// Events after the position were pruned by retention; `earliestAvailable` is where reading
    /// can start again (`after` one below it), knowing events were missed.
    case expired(earliestAvailable: Int64)
    /// Too many readers are already waiting; try again shortly.
    case busy
}
