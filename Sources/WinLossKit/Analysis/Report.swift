import Foundation

/// One value for each outcome, encoded as `{"win": …, "loss": …, "no_decision": …}`.
public struct ByOutcome<Value: Sendable>: Sendable {
    public var win: Value
    public var loss: Value
    public var noDecision: Value

    public init(win: Value, loss: Value, noDecision: Value) {
        self.win = win
        self.loss = loss
        self.noDecision = noDecision
    }

    public init(_ make: (Outcome) throws -> Value) rethrows {
        self.init(win: try make(.win), loss: try make(.loss), noDecision: try make(.noDecision))
    }

    public subscript(outcome: Outcome) -> Value {
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

    public func map<T>(_ transform: (Value) throws -> T) rethrows -> ByOutcome<T> {
        ByOutcome<T>(win: try transform(win), loss: try transform(loss), noDecision: try transform(noDecision))
    }
}

extension ByOutcome: Equatable where Value: Equatable {}

extension ByOutcome where Value == Int {
    public static var zero: ByOutcome<Int> { ByOutcome(win: 0, loss: 0, noDecision: 0) }
    public var total: Int { win + loss + noDecision }
}

extension ByOutcome: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey {
        case win
        case loss
        case noDecision = "no_decision"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            win: try container.decode(Value.self, forKey: .win), loss: try container.decode(Value.self, forKey: .loss),
            noDecision: try container.decode(Value.self, forKey: .noDecision))
    }

    public func encode(to encoder: any Encoder) throws {
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
    public var title: String {
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
    public var filter: DealFilter
    public var sections: Set<ReportSection>
    /// Themes (and the programme's figures) for each value of this, when set.
    public var breakdown: ReportDimension?
    /// The segment the sales cycle is shown by: the breakdown's dimension when there is one, else industry.
    public var cycleSegment: ReportDimension { breakdown ?? .industry }
    /// The buyer's words shown for each theme, at most.
    public var quotesPerTheme: Int
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
    public static let minimumInterviews = 10
    /// Fewer mentions of a theme in all than this, and its row is marked likewise.
    public static let minimumMentions = 5

    public var generatedAt: Date
    /// The filters, in words: "decided 2026-07-01 to 2026-09-30", "industry Retail".
    public var scope: [String]
    public var programme: ProgrammeFigures?
    public var themes: ThemeFigures?
    public var breakdown: Breakdown?
    public var trend: ThemeTrend?
    public var quotes: [ThemeQuotes]?
    public var valueAtStake: [MoneyFigure]?
    public var columnFodder: ColumnFodder?
    public var salesCycle: SalesCycle?
}

/// Deals, win rate, interviews and coverage.
public struct ProgrammeFigures: Sendable, Codable, Equatable {
    public var deals: ByOutcome<Int>
    /// Won of won and lost.
    public var winRate: Share
    /// Won of every decided deal, no-decisions counted.
    public var winRateWithNoDecisions: Share
    /// Completed interviews.
    public var interviews: ByOutcome<Int>
    /// Completed interviews with at least one theme coded: what theme shares are taken over.
    public var codedInterviews: ByOutcome<Int>
    /// Deals with at least one completed interview, of the deals.
    public var coverage: ByOutcome<Share>
    /// Coverage in each industry, region and size band.
    public var segments: [SegmentCoverage]
    /// Days from the decision to the day of the interview, by outcome and in all.
    public var daysToInterview: ByOutcome<Median>
    public var daysToInterviewAll: Median
}

public struct SegmentCoverage: Sendable, Codable, Equatable {
    public var dimension: ReportDimension
    /// nil for deals whose account does not say.
    public var value: String?
    public var coverage: ByOutcome<Share>
}

/// How often each theme comes up in each outcome's interviews, and how distinctive it is of that outcome.
public struct ThemeFigures: Sendable, Codable, Equatable {
    /// Coded interviews of each outcome: the n of every share.
    public var interviews: ByOutcome<Int>
    /// In codebook order, parents before their sub-themes; themes nobody mentioned included.
    public var rows: [ThemeRow]
}

public struct ThemeRow: Sendable, Codable, Equatable {
    public var id: String
    public var label: String
    public var parentID: String?
    /// 0 for a top-level theme. A parent counts the interviews that mention it or any theme under it.
    public var depth: Int
    /// Interviews that mention the theme, of the coded interviews, by outcome.
    public var share: ByOutcome<Share>
    /// Interviews where it was (or a theme under it was) the primary reason.
    public var primary: ByOutcome<Int>
    /// Interviews where the buyer spoke of it well, or badly.
    public var positive: ByOutcome<Int>
    public var negative: ByOutcome<Int>
    /// The weighted log-odds z-score of each outcome against the rest (see ``LogOdds``), among the themes of the
    /// same depth; nil where it cannot be computed.
    public var z: ByOutcome<Double?>
    /// Whether a share or score rests on too few interviews or mentions to mean much.
    public var fewData: ByOutcome<Bool>

    public var mentions: Int { share.win.count + share.loss.count + share.noDecision.count }
}

/// Themes within each value of a dimension.
public struct Breakdown: Sendable, Codable, Equatable {
    public var dimension: ReportDimension
    public var groups: [BreakdownGroup]
}

public struct BreakdownGroup: Sendable, Codable, Equatable {
    /// nil for deals that do not say.
    public var value: String?
    public var deals: ByOutcome<Int>
    public var winRate: Share
    public var themes: ThemeFigures
}

/// Each theme's share of the coded interviews, quarter by quarter (the quarter the deal was decided in).
public struct ThemeTrend: Sendable, Codable, Equatable {
    public var quarters: [String]
    /// Coded interviews in each quarter, by outcome.
    public var interviews: [ByOutcome<Int>]
    public var rows: [TrendRow]
}

public struct TrendRow: Sendable, Codable, Equatable {
    public var id: String
    public var label: String
    public var depth: Int
    /// Interviews mentioning the theme in each quarter, by outcome, in the order of ``ThemeTrend/quarters``.
    public var mentions: [ByOutcome<Int>]
}

/// The buyer's words for one theme.
public struct ThemeQuotes: Sendable, Codable, Equatable {
    public var themeID: String
    public var label: String
    public var quotes: [Quote]
}

public struct Quote: Sendable, Codable, Equatable {
    public var text: String
    /// As the buyer agreed: name, title and company, or only role and segment.
    public var attribution: String
    public var outcome: Outcome
    /// The quarter the deal was decided in.
    public var quarter: String
    public var interviewID: Int64
    public var questionID: String
    public var sentiment: Sentiment
    public var isPrimary: Bool
}

/// A sum and a median of one money measure, for one outcome and currency.
public struct MoneyFigure: Sendable, Codable, Equatable {
    public enum Measure: String, Sendable, Codable, CaseIterable {
        /// What closing the gap is worth, per year.
        case gapValuePerYear = "gap_value_per_year"
        /// What leaving the gap open costs, per year.
        case inactionCostPerYear = "inaction_cost_per_year"
        /// What closing the gap is worth over the years of ownership.
        case gapValueOverOwnership = "gap_value_over_ownership"

        public var title: String {
            switch self {
            case .gapValuePerYear: "Value of closing the gap, per year"
            case .inactionCostPerYear: "Cost of inaction, per year"
            case .gapValueOverOwnership: "Value of closing the gap over the years of ownership"
            }
        }
    }

    public var measure: Measure
    public var outcome: Outcome
    public var sum: Money
    public var median: Money
    /// The interviews that gave the figure.
    public var n: Int
}

/// Whether a vendor was favoured before we were engaged, by outcome.
public struct ColumnFodder: Sendable, Codable, Equatable {
    /// Interviews where the buyer said yes, of those that answered.
    public var preferredVendor: ByOutcome<Share>
    /// Months between the buyer's first talk with the favourite and ours, where they said.
    public var headStartMonths: ByOutcome<Median>
}

/// How long deals really took, beside what their reps assumed.
public struct SalesCycle: Sendable, Codable, Equatable {
    public var segment: ReportDimension
    /// One row per outcome (nil: all outcomes), in all and then for each value of the segment.
    public var rows: [CycleRow]
}

public struct CycleRow: Sendable, Codable, Equatable {
    /// nil in the rows for all segments together.
    public var segmentValue: String?
    public var isAllSegments: Bool
    /// nil for all outcomes together.
    public var outcome: Outcome?
    /// Days from created to decided.
    public var actualDays: Median
    /// The assumed cycle of each deal's rep, where recorded.
    public var assumedDays: Median
}
