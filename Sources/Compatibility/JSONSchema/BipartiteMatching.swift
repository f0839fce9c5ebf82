/// Maximum-cardinality matching in a bipartite graph (augmenting paths), used to pair the subschemas
/// of two combined schemas as Confluent does.
enum BipartiteMatching {
    /// For each left vertex, the right vertex it is matched with, or nil; `edges[left]` lists its right neighbours.
    static func match(edges: [[Int]], rightCount: Int) -> [Int?] {
        var rightMatch = [Int?](repeating: nil, count: rightCount)
        for left in edges.indices {
            var visited = [Bool](repeating: false, count: rightCount)
            _ = augment(left, edges: edges, rightMatch: &rightMatch, visited: &visited)
        }
        var leftMatch = [Int?](repeating: nil, count: edges.count)
        for (right, left) in rightMatch.enumerated() {
            if let left { leftMatch[left] = right }
        }
        return leftMatch
    }

    private static func augment(_ left: Int, edges: [[Int]], rightMatch: inout [Int?], visited: inout [Bool]) -> Bool {
        for right in edges[left] where !visited[right] {
            visited[right] = true
            if let other = rightMatch[right] {
                guard augment(other, edges: edges, rightMatch: &rightMatch, visited: &visited) else { continue }
            }
            rightMatch[right] = left
            return true
        }
        return false
    }
}
