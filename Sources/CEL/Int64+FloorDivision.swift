extension Int64 {
    /// Floor division and the matching non-negative modulo (for a positive divisor).
    func floorDividedAndModulo(by divisor: Int64) -> (quotient: Int64, modulo: Int64) {
        let quotient = self / divisor
        let remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
