/// The part of a Kafka record a projection describes; Confluent's TopicNameStrategy names the
/// subject `<topic>-key` or `<topic>-value` after it.
public enum KafkaRecordPart: String, Sendable, CaseIterable {
    case key
    case value
}
