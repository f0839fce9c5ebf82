import JSON
import MeshModel

extension ODCSComparison {
    /// `logicalTypeOptions`: the reader's bounds must admit every value the writer's admit.
    mutating func compareOptions(reader: SchemaProperty, writer: SchemaProperty) {
        let readerOptions = reader.logicalTypeOptions ?? JSONObject()
        let writerOptions = writer.logicalTypeOptions ?? JSONObject()
        let keys = readerOptions.keys + writerOptions.keys.filter { readerOptions[$0] == nil }
        for key in keys where readerOptions[key] != writerOptions[key] {
            let readerValue = readerOptions[key]
            let writerValue = writerOptions[key]
            let narrowed: Bool
            if ODCSLogicalType.upperBounds.contains(key) || ODCSLogicalType.lowerBounds.contains(key) {
                let upper = ODCSLogicalType.upperBounds.contains(key)
                switch (readerValue?.numberValue, writerValue?.numberValue) {
                case (let readerBound?, let writerBound?): narrowed = upper ? readerBound < writerBound : readerBound > writerBound
                case (_?, nil): narrowed = true
                default: narrowed = false
                }
            } else if key == "uniqueItems" {
                narrowed = readerValue?.boolValue == true
            } else {
                narrowed = ODCSLogicalType.exact.contains(key) && readerValue != nil
            }
            let rule = narrowed ? "odcs.logical-type-option-narrowed" : "odcs.logical-type-option-widened"
            add(rule, narrowed ? .breaking : .additive,
                reader: readerValue.map { _ in reader.pointer / "logicalTypeOptions" / key },
                writer: writerValue.map { _ in writer.pointer / "logicalTypeOptions" / key },
                expected: "\(key): \(writerValue?.encoded() ?? "absent")", found: "\(key): \(readerValue?.encoded() ?? "absent")",
                message: narrowed
                    ? "'\(reader.name)' \(key) rejects values the writer may produce; keep the old bound"
                    : "'\(reader.name)' \(key) admits every value the writer may produce")
        }
    }
}
