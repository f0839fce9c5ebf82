import JSON

/// Who may write a schema-registry subject: a product's Kafka subjects belong to its team, like
/// its contracts (docs/ARCHITECTURE.md, "Ownership"). A subject `<topic>-value` or `<topic>-key`
/// (Confluent's TopicNameStrategy) whose topic is a Kafka topic of a registered contract belongs to
/// that contract's team (the newest version naming the topic); other subjects need an admin unless the registry is configured with
/// `openSubjects`.
struct SubjectOwnership {
    let store: RegistryStore
    let actor: Principal
    let openSubjects: Bool

    /// Throws 40301 unless the actor may change `subject`.
    func requireWrite(_ subject: String) throws {
        try requireWrite(subject, topicContracts: Self.topic(ofSubject: subject).map(store.contractVersions(namingKafkaTopic:)) ?? [])
    }

    /// `requireWrite(_:)` with the contract versions naming the subject's topic already read
    /// (newest first), for a caller that needs them too.
    func requireWrite(_ subject: String, topicContracts: [TopicContractVersion]) throws {
        if let topic = Self.topic(ofSubject: subject), let owner = topicContracts.first.map({ (team: $0.team, contract: $0.reference) }) {
            guard try Ownership(store: store, actor: actor).isMember(of: owner.team) else {
                throw SubjectError(.forbidden, "\(actor) may not change subject '\(subject)': its topic \(topic) belongs to team \(owner.team) (contract \(owner.contract)). Ask a member of \(owner.team) to make the change.")
            }
            return
        }
        guard actor.isAdmin || openSubjects else {
            throw SubjectError(.forbidden, "\(actor) may not change subject '\(subject)': it names no Kafka topic of a registered contract, so only an admin may change it. Publish the contract with the topic first, or ask an admin.")
        }
    }

    /// Throws 40301 unless the actor is an admin (global compatibility level and mode).
    func requireAdmin(toChange what: String) throws {
        guard actor.isAdmin else {
            throw SubjectError(.forbidden, "\(actor) may not change \(what): that needs a platform admin")
        }
    }

    /// The topic of a TopicNameStrategy subject: `orders.v1-value` → `orders.v1`.
    static func topic(ofSubject subject: String) -> String? {
        for suffix in ["-value", "-key"] where subject.hasSuffix(suffix) && subject.count > suffix.count {
            return String(subject.dropLast(suffix.count))
        }
        return nil
    }

    /// The Kafka topics an ODCS contract names: the `topic` custom property of its `kafka`
    /// servers, and, when it has a Kafka server, its schema objects' `physicalName`.
    static func kafkaTopics(of contract: JSONValue) -> Set<String> {
        let kafkaServers = (contract["servers"]?.arrayValue ?? []).filter { $0["type"]?.stringValue?.lowercased() == "kafka" }
        guard !kafkaServers.isEmpty else { return [] }
        var topics = Set<String>()
        for server in kafkaServers {
            for property in server["customProperties"]?.arrayValue ?? [] where property["property"]?.stringValue == "topic" {
                if let topic = property["value"]?.stringValue { topics.insert(topic) }
            }
        }
        for object in contract["schema"]?.arrayValue ?? [] {
            if let name = object["physicalName"]?.stringValue { topics.insert(name) }
        }
        return topics
    }
}
