/// Levenshtein distance, used to suggest the field a misspelt key meant.
enum EditDistance {
    /// The number of single-character edits between `left` and `right`; long texts are not compared (returns Int.max).
    static func between(_ left: String, _ right: String) -> Int {
        let left = Array(left.unicodeScalars), right = Array(right.unicodeScalars)
        guard left.count <= 64, right.count <= 64 else { return .max }
        var previous = Array(0...right.count)
        for (leftIndex, leftScalar) in left.enumerated() {
            var current = [leftIndex + 1]
            for (rightIndex, rightScalar) in right.enumerated() {
                let substitution = previous[rightIndex] + (leftScalar == rightScalar ? 0 : 1)
                current.append(min(substitution, previous[rightIndex + 1] + 1, current[rightIndex] + 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
