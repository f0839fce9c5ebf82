import Arguments
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON
import Registry

/// `meshreg events tail`: print change events after a sequence, once or following new ones,
/// from the database file or from a running service (`--server`).
enum EventsCommand: Command {
    static let specification = CommandSpecification(
        name: "events", summary: "Print the registry's change events (CloudEvents), once or as they happen.",
        usage: "tail [--after N] [--type T]... [--domain D] [--follow] [--server URL --token T|--token-file F]",
        options: [
            .option("after", value: "N", help: "Events after this sequence (default 0: from the oldest kept)."),
            .option("type", value: "TYPE", help: "Only this event type (product.updated or io.meshreg.product.updated.v1); repeatable.", repeatable: true),
            .option("domain", value: "NAME", help: "Only events of this domain."),
            .flag("follow", short: "f", help: "Keep waiting for new events (Ctrl-C stops)."),
            GlobalOptions.database, GlobalOptions.format, GlobalOptions.actor,
        ] + GlobalOptions.remote,
        arguments: 1...1,
        discussion: """
            tail    prints one line per event: sequence, time, type, subject, actor; with
                    --format json, each event's CloudEvent as one JSON line. Exit 1 when events
                    after --after were already removed by retention (the message gives the
                    earliest available sequence).
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        guard arguments.arguments[0] == "tail" else {
            throw CommandError("unknown events action '\(arguments.arguments[0])'; use tail")
        }
        var after: Int64 = try arguments.value("after").map { text throws -> Int64 in
            guard let value = Int64(text), value >= 0 else { throw CommandError("--after must be a sequence number from 0, not '\(text)'") }
            return value
        } ?? 0
        let source = try EventSource(arguments, context)
        let follow = arguments.flag("follow")
        while true {
            switch try source.read(after: after, wait: follow ? 25 : 0) {
            case .events(let events):
                // One write per batch, unbuffered, so a pipe sees events as they come.
                let text = events.map { line($0, format: context.format) + "\n" }.joined()
                Terminal.writeOutput(text)
                if let last = events.last?["sequence"]?.stringValue.flatMap({ Int64($0) }) { after = last }
                if !follow && events.count < EventSource.pageSize { return .success }
            case .expired(let earliest):
                Terminal.error("events after \(after) were removed by retention; the earliest kept is \(earliest): rerun with --after \(earliest - 1)")
                return .checkFailed
            case .busy:
                sleep(1)
            }
        }
    }

    /// One event for people (`SEQ TIME TYPE SUBJECT ACTOR`) or programs (the CloudEvent).
    static func line(_ event: JSONValue, format: CommandContext.Format) -> String {
        switch format {
        case .json: return event.encoded()
        case .table:
            let fields = [event["sequence"]?.stringValue, event["time"]?.stringValue, event["type"]?.stringValue.map(ChangeEvent.shortType),
                          event["subject"]?.stringValue, event["data"]?["actor"]?.stringValue]
            return fields.map { $0 ?? "-" }.joined(separator: "  ")
        }
    }
}
