import Foundation

/// How distinctive each item is of one group against the others: the weighted log-odds ratio with an
/// informative Dirichlet prior (Monroe, Colaresi and Quinn, "Fightin' Words", Political Analysis 16(4), 2008,
/// equations 16 and 18-20), with the prior taken from the pooled counts.
///
/// For an item `w` (a theme, a word), a group `i` (an outcome) and the rest `j` (the other outcomes pooled), with
/// `y` the item's count in a group, `n` the count of every item in that group, `α_w` the item's count over all
/// groups and `α₀` the sum of every `α_w`:
///
///     δ = ln((y_i + α_w) / (n_i + α₀ − y_i − α_w)) − ln((y_j + α_w) / (n_j + α₀ − y_j − α_w))
///     σ² = 1 / (y_i + α_w) + 1 / (y_j + α_w)
///     z = δ / σ
///
/// A z above 1.96 (or below −1.96) is what a two-sided test at 5% would call distinctive; the prior shrinks the
/// scores of rare items towards zero, which raw shares do not.
package enum LogOdds {
    /// The z-score of each item in each group against the rest. `counts[w][g]` is how often item `w` occurs in
    /// group `g`; every row has one count per group. A score is nil where it means nothing: an item never seen,
    /// a group (or the rest) with no counts at all, or a vocabulary of one item.
    package static func zScores(_ counts: [[Int]]) -> [[Double?]] {
        guard let groups = counts.first?.count, groups > 0 else { return counts.map { _ in [] } }
        let totals = (0..<groups).map { group in counts.reduce(0) { $0 + $1[group] } }
        let everything = totals.reduce(0, +)
        let prior0 = Double(everything)
        return counts.map { row in
            let prior = Double(row.reduce(0, +))
            return (0..<groups).map { group -> Double? in
                let nI = Double(totals[group])
                let nJ = Double(everything - totals[group])
                let yI = Double(row[group])
                let yJ = prior - yI
                guard prior > 0, nI > 0, nJ > 0 else { return nil }
                let restI = nI + prior0 - yI - prior
                let restJ = nJ + prior0 - yJ - prior
                guard restI > 0, restJ > 0 else { return nil }
                let delta = log((yI + prior) / restI) - log((yJ + prior) / restJ)
                let variance = 1 / (yI + prior) + 1 / (yJ + prior)
                // Adding zero turns a negative zero into zero, so that no output says "-0".
                let z = delta / variance.squareRoot() + 0
                return z.isFinite ? z : nil
            }
        }
    }
}

/// A median with the count it was taken over.
package struct Median: Sendable, Equatable, Codable {
    /// nil when there was nothing to take it over.
    package var value: Double?
    package var n: Int

    package init(value: Double?, n: Int) {
        self.value = value
        self.n = n
    }

    /// The median of a list of numbers, the mean of the middle two for an even count.
    package init(of values: [Double]) {
        let sorted = values.sorted()
        n = sorted.count
        guard !sorted.isEmpty else {
            value = nil
            return
        }
        let middle = sorted.count / 2
        value = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// A count out of a total: a share that keeps its n.
public struct Share: Sendable, Equatable, Codable {
    package var count: Int
    package var of: Int

    package init(_ count: Int, of total: Int) {
        self.count = count
        self.of = total
    }

    /// count / of; nil when there is nothing to share.
    package var value: Double? { of > 0 ? Double(count) / Double(of) : nil }

    private enum CodingKeys: String, CodingKey {
        case count, of, value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        of = try container.decode(Int.self, forKey: .of)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(of, forKey: .of)
        try container.encode(value, forKey: .value)
    }
}
