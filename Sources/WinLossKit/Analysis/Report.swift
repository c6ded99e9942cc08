import Foundation

/// One value for each outcome, encoded as `{"win": …, "loss": …, "no_decision": …}`.
package struct ByOutcome<Value: Sendable>: Sendable {
    package var win: Value
    package var loss: Value
    package var noDecision: Value

    package init(win: Value, loss: Value, noDecision: Value) {
        self.win = win
        self.loss = loss
        self.noDecision = noDecision
    }

    package init(_ make: (Outcome) throws -> Value) rethrows {
        self.init(win: try make(.win), loss: try make(.loss), noDecision: try make(.noDecision))
    }

    package subscript(outcome: Outcome) -> Value {
        get {
            switch outcome {
            case .win: win
            case .loss: loss
            case .noDecision: noDecision
            }
        }
        set {
            switch outcome {
            case .win: win = newValue
            case .loss: loss = newValue
            case .noDecision: noDecision = newValue
            }
        }
    }

    package func map<T>(_ transform: (Value) throws -> T) rethrows -> ByOutcome<T> {
        ByOutcome<T>(win: try transform(win), loss: try transform(loss), noDecision: try transform(noDecision))
    }
}

extension ByOutcome: Equatable where Value: Equatable {}

extension ByOutcome where Value == Int {
    package static var zero: ByOutcome<Int> { ByOutcome(win: 0, loss: 0, noDecision: 0) }
    package var total: Int { win + loss + noDecision }
}

extension ByOutcome: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey {
        case win
        case loss
        case noDecision = "no_decision"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            win: try container.decode(Value.self, forKey: .win), loss: try container.decode(Value.self, forKey: .loss),
            noDecision: try container.decode(Value.self, forKey: .noDecision))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(win, forKey: .win)
        try container.encode(loss, forKey: .loss)
        try container.encode(noDecision, forKey: .noDecision)
    }
}

/// What a report groups deals by.
public enum ReportDimension: String, Sendable, Codable, CaseIterable {
    case industry
    case region
    case size
    case competitor
    case rep
    case product
    case quarter

    /// For headings: "Industry", "Size band".
    package var title: String {
        switch self {
        case .industry: "Industry"
        case .region: "Region"
        case .size: "Size band"
        case .competitor: "Competitor"
        case .rep: "Rep"
        case .product: "Product line"
        case .quarter: "Quarter decided"
        }
    }
}

/// The parts of a report.
public enum ReportSection: String, Sendable, Codable, CaseIterable {
    case programme
    case themes
    case breakdown
    case trend
    case quotes
    case value
    case fodder
    case cycle
}

/// What a report covers and how.
public struct ReportRequest: Sendable {
    package var filter: DealFilter
    package var sections: Set<ReportSection>
    /// Themes (and the programme's figures) for each value of this, when set.
    package var breakdown: ReportDimension?
    /// The segment the sales cycle is shown by: the breakdown's dimension when there is one, else industry.
    package var cycleSegment: ReportDimension { breakdown ?? .industry }
    /// The buyer's words shown for each theme, at most.
    package var quotesPerTheme: Int
    /// Up to this many completed interviews in scope, quotes are ranked over all their codes in one query; above
    /// it, found theme by theme from the latest mentions. Both give the same kind of quote; tests try each.
    var rankQuotesUpTo = 5_000

    public init(
        filter: DealFilter = DealFilter(), sections: Set<ReportSection> = Set(ReportSection.allCases),
        breakdown: ReportDimension? = nil, quotesPerTheme: Int = 3
    ) {
        self.filter = filter
        self.sections = breakdown == nil ? sections.subtracting([.breakdown]) : sections
        self.breakdown = breakdown
        self.quotesPerTheme = quotesPerTheme
    }
}

/// The manager's report: what was decided, which themes recur in each outcome, and the buyer's words behind
/// them. Each part is nil when it was not asked for.
public struct Report: Sendable, Codable {
    /// Fewer interviews of an outcome than this, and its shares and scores are marked as too few to mean much.
    package static let minimumInterviews = 10
    /// Fewer mentions of a theme in all than this, and its row is marked likewise.
    package static let minimumMentions = 5

    package var generatedAt: Date
    /// The filters, in words: "decided 2026-07-01 to 2026-09-30", "industry Retail".
    package var scope: [String]
    package var programme: ProgrammeFigures?
    package var themes: ThemeFigures?
    package var breakdown: Breakdown?
    package var trend: ThemeTrend?
    package var quotes: [ThemeQuotes]?
    package var valueAtStake: [MoneyFigure]?
    package var columnFodder: ColumnFodder?
    package var salesCycle: SalesCycle?
}

/// Deals, win rate, interviews and coverage.
package struct ProgrammeFigures: Sendable, Codable, Equatable {
    package var deals: ByOutcome<Int>
    /// Won of won and lost.
    package var winRate: Share
    /// Won of every decided deal, no-decisions counted.
    package var winRateWithNoDecisions: Share
    /// Completed interviews.
    package var interviews: ByOutcome<Int>
    /// Completed interviews with at least one theme coded: what theme shares are taken over.
    package var codedInterviews: ByOutcome<Int>
    /// Deals with at least one completed interview, of the deals.
    package var coverage: ByOutcome<Share>
    /// Coverage in each industry, region and size band.
    package var segments: [SegmentCoverage]
    /// Days from the decision to the day of the interview, by outcome and in all.
    package var daysToInterview: ByOutcome<Median>
    package var daysToInterviewAll: Median
}

package struct SegmentCoverage: Sendable, Codable, Equatable {
    package var dimension: ReportDimension
    /// nil for deals whose account does not say.
    package var value: String?
    package var coverage: ByOutcome<Share>
}

/// How often each theme comes up in each outcome's interviews, and how distinctive it is of that outcome.
public struct ThemeFigures: Sendable, Codable, Equatable {
    /// Coded interviews of each outcome: the n of every share.
    package var interviews: ByOutcome<Int>
    /// In codebook order, parents before their sub-themes; themes nobody mentioned included.
    package var rows: [ThemeRow]
}

package struct ThemeRow: Sendable, Codable, Equatable {
    package var id: String
    package var label: String
    package var parentID: String?
    /// 0 for a top-level theme. A parent counts the interviews that mention it or any theme under it.
    package var depth: Int
    /// Interviews that mention the theme, of the coded interviews, by outcome.
    package var share: ByOutcome<Share>
    /// Interviews where it was (or a theme under it was) the primary reason.
    package var primary: ByOutcome<Int>
    /// Interviews where the buyer spoke of it well, or badly.
    package var positive: ByOutcome<Int>
    package var negative: ByOutcome<Int>
    /// The weighted log-odds z-score of each outcome against the rest (see ``LogOdds``), among the themes of the
    /// same depth; nil where it cannot be computed.
    package var z: ByOutcome<Double?>
    /// Whether a share or score rests on too few interviews or mentions to mean much.
    package var fewData: ByOutcome<Bool>

    package var mentions: Int { share.win.count + share.loss.count + share.noDecision.count }
}

/// Themes within each value of a dimension.
public struct Breakdown: Sendable, Codable, Equatable {
    package var dimension: ReportDimension
    package var groups: [BreakdownGroup]
}

package struct BreakdownGroup: Sendable, Codable, Equatable {
    /// nil for deals that do not say.
    package var value: String?
    package var deals: ByOutcome<Int>
    package var winRate: Share
    package var themes: ThemeFigures
}

/// Each theme's share of the coded interviews, quarter by quarter (the quarter the deal was decided in).
public struct ThemeTrend: Sendable, Codable, Equatable {
    package var quarters: [String]
    /// Coded interviews in each quarter, by outcome.
    package var interviews: [ByOutcome<Int>]
    package var rows: [TrendRow]
}

package struct TrendRow: Sendable, Codable, Equatable {
    package var id: String
    package var label: String
    package var depth: Int
    /// Interviews mentioning the theme in each quarter, by outcome, in the order of ``ThemeTrend/quarters``.
    package var mentions: [ByOutcome<Int>]
}

/// The buyer's words for one theme.
package struct ThemeQuotes: Sendable, Codable, Equatable {
    package var themeID: String
    package var label: String
    package var quotes: [Quote]
}

package struct Quote: Sendable, Codable, Equatable {
    package var text: String
    /// As the buyer agreed: name, title and company, or only role and segment.
    package var attribution: String
    package var outcome: Outcome
    /// The quarter the deal was decided in.
    package var quarter: String
    package var interviewID: Int64
    package var questionID: String
    package var sentiment: Sentiment
    package var isPrimary: Bool
}

/// A sum and a median of one money measure, for one outcome and currency.
package struct MoneyFigure: Sendable, Codable, Equatable {
    package enum Measure: String, Sendable, Codable, CaseIterable {
        /// What closing the gap is worth, per year.
        case gapValuePerYear = "gap_value_per_year"
        /// What leaving the gap open costs, per year.
        case inactionCostPerYear = "inaction_cost_per_year"
        /// What closing the gap is worth over the years of ownership.
        case gapValueOverOwnership = "gap_value_over_ownership"

        package var title: String {
            switch self {
            case .gapValuePerYear: "Value of closing the gap, per year"
            case .inactionCostPerYear: "Cost of inaction, per year"
            case .gapValueOverOwnership: "Value of closing the gap over the years of ownership"
            }
        }
    }

    package var measure: Measure
    package var outcome: Outcome
    package var sum: Money
    package var median: Money
    /// The interviews that gave the figure.
    package var n: Int
}

/// Whether a vendor was favoured before we were engaged, by outcome.
package struct ColumnFodder: Sendable, Codable, Equatable {
    /// Interviews where the buyer said yes, of those that answered.
    package var preferredVendor: ByOutcome<Share>
    /// Months between the buyer's first talk with the favourite and ours, where they said.
    package var headStartMonths: ByOutcome<Median>
}

/// How long deals really took, beside what their reps assumed.
package struct SalesCycle: Sendable, Codable, Equatable {
    package var segment: ReportDimension
    /// One row per outcome (nil: all outcomes), in all and then for each value of the segment.
    package var rows: [CycleRow]
}

package struct CycleRow: Sendable, Codable, Equatable {
    /// nil in the rows for all segments together.
    package var segmentValue: String?
    package var isAllSegments: Bool
    /// nil for all outcomes together.
    package var outcome: Outcome?
    /// Days from created to decided.
    package var actualDays: Median
    /// The assumed cycle of each deal's rep, where recorded.
    package var assumedDays: Median
}
