/// Values gathered by outcome and group (a currency, a segment), with how often each occurs: enough to find every
/// median and sum exactly. Values are appended as they stream past and sorted only when a median is asked for, so
/// gathering costs one append per value.
struct Samples<Value: Comparable> {
    private struct Key: Hashable {
        var outcome: Outcome
        var group: String?
    }

    private var values: [Key: [(value: Value, count: Int)]] = [:]

    /// Every group that has a value.
    private(set) var groups: Set<String?> = []

    mutating func add(_ value: Value, count: Int = 1, outcome: Outcome, group: String?) {
        values[Key(outcome: outcome, group: group), default: []].append((value, count))
        if !groups.contains(group) { groups.insert(group) }
    }

    /// The values of one outcome (nil: all outcomes) in one group, in no particular order.
    func entries(outcome: Outcome?, group: String?) -> [(value: Value, count: Int)] {
        guard let outcome else {
            return Outcome.allCases.flatMap { values[Key(outcome: $0, group: group)] ?? [] }
        }
        return values[Key(outcome: outcome, group: group)] ?? []
    }

    /// How many values there are.
    func count(outcome: Outcome?, group: String?) -> Int {
        entries(outcome: outcome, group: group).reduce(0) { $0 + $1.count }
    }

    /// The two middle values (the same one for an odd count) and the count; nil when there are none.
    func middle(outcome: Outcome?, group: String?) -> (low: Value, high: Value, n: Int)? {
        let sorted = entries(outcome: outcome, group: group).sorted { $0.value < $1.value }
        let n = sorted.reduce(0) { $0 + $1.count }
        guard n > 0 else { return nil }
        // 1-based ranks of the middle values.
        let (lowRank, highRank) = ((n + 1) / 2, n / 2 + 1)
        var seen = 0
        var low: Value?
        for (value, count) in sorted {
            seen += count
            if low == nil, seen >= lowRank { low = value }
            if seen >= highRank, let low { return (low, value, n) }
        }
        return nil
    }

    /// Every group's values together, as the one group nil.
    func mergingGroups() -> Self {
        var merged = Self()
        for (key, entries) in values {
            for (value, count) in entries { merged.add(value, count: count, outcome: key.outcome, group: nil) }
        }
        return merged
    }
}

extension Samples where Value == Int64 {
    /// The exact sum, or nil if it does not fit in 64 bits (over 92 quadrillion of a currency's minor unit).
    func sum(outcome: Outcome?, group: String?) -> Int64? {
        let total = entries(outcome: outcome, group: group).reduce(Int128(0)) {
            $0 + Int128($1.value) * Int128($1.count)
        }
        return Int64(exactly: total)
    }
}

extension Samples where Value: BinaryInteger {
    func median(outcome: Outcome?, group: String?) -> Median {
        guard let middle = middle(outcome: outcome, group: group) else { return Median(value: nil, n: 0) }
        return Median(value: (Double(middle.low) + Double(middle.high)) / 2, n: middle.n)
    }
}

extension Samples where Value == Double {
    func median(outcome: Outcome?, group: String?) -> Median {
        guard let middle = middle(outcome: outcome, group: group) else { return Median(value: nil, n: 0) }
        return Median(value: (middle.low + middle.high) / 2, n: middle.n)
    }
}
