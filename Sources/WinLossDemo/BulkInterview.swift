import Foundation
import WinLossKit

/// A template as the bulk generator asks it: its questions with how often each is answered, and where the
/// interview's primary reason is coded.
struct InterviewTemplatePlan {
    struct PlannedQuestion {
        var question: Question
        /// How often the question is answered when it applies; required questions always are.
        var answerRate: Double
        /// Coded with themes, and the generator knows themes to code it with.
        var coded: Bool
    }

    let template: Template
    let outcome: Outcome
    let versionID: Int64
    let questions: [PlannedQuestion]
    /// Questions whose answers a condition looks at: the only ones the plan needs to know of.
    let conditionTargets: Set<String>
    /// The question whose answer carries the interview's primary theme: the reason for the outcome.
    let primaryQuestionID: String?

    /// How often the built-in templates' optional questions are answered: about twelve answers an interview.
    static let answerRates: [String: Double] = [
        "measurement": 0.3, "planned_state": 0.2, "gap_reason": 0.5, "gap_value": 0.8, "inaction_cost": 0.5,
        "ownership_years": 0.4, "decision_participants": 0.45, "competitors_considered": 0.25, "our_shortfall": 0.85,
        "preferred_vendor": 0.85, "first_contact_with_winner": 0.9, "sales_experience": 0.45, "do_differently": 0.4,
        "uncovered": 0.45, "openness": 0.9, "next_step_committed": 0.85, "candor": 0.85, "runner_up": 0.55,
        "near_miss": 0.7, "what_would_change": 0.7, "revisit_when": 0.6, "look_again": 0.8,
    ]

    init(template: Template, outcome: Outcome, versionID: Int64, themes: Set<String>) {
        self.template = template
        self.outcome = outcome
        self.versionID = versionID
        let canCode = !themes.isDisjoint(with: BulkPhrases.themes.keys)
        questions = template.questions.map { question in
            PlannedQuestion(
                question: question,
                answerRate: question.required ? 1 : Self.answerRates[question.id] ?? 0.5,
                coded: question.codedWithThemes && canCode && Self.isText(question.kind))
        }
        var targets = Set<String>()
        for question in template.questions {
            if case .answer(let target, _)? = question.condition { targets.insert(target) }
        }
        conditionTargets = targets
        let reasons: Set<MetricRole> = [.winnerReason, .tippingPoint, .noDecisionReason]
        primaryQuestionID =
            questions.first { $0.coded && $0.question.metric.map(reasons.contains) == true }?.question.id
            ?? questions.first { $0.coded && $0.question.required }?.question.id
            ?? questions.first { $0.coded }?.question.id
    }

    static func isText(_ kind: QuestionKind) -> Bool {
        switch kind {
        case .shortText, .longText: true
        default: false
        }
    }
}

/// The themes the generator codes with: those of the codebook it has words for, with their weights as vectors in
/// one fixed order, so that drawing a theme is a walk over a small array.
struct BulkThemeSet {
    let ids: [String]
    let outcomeWeights: [Outcome: [Double]]
    let questionAffinity: [String: [Double]]
    let industryAffinity: [String: [Double]]
    let regionAffinity: [String: [Double]]
    let primaryWeights: [Outcome: [Double]]

    init(live: Set<String>) {
        let ids = BulkPhrases.themes.keys.filter(live.contains).sorted()
        self.ids = ids
        func vector(_ table: [String: Double], default value: Double) -> [Double] {
            ids.map { table[$0] ?? value }
        }
        var outcomes: [Outcome: [Double]] = [:]
        for outcome in Outcome.allCases {
            outcomes[outcome] = ids.map { id in
                let weights = BulkPhrases.outcomeWeights[id] ?? (1, 1, 1)
                switch outcome {
                case .win: return weights.win
                case .loss: return weights.loss
                case .noDecision: return weights.noDecision
                }
            }
        }
        outcomeWeights = outcomes
        questionAffinity = BulkPhrases.questionAffinity.mapValues { vector($0, default: 1) }
        industryAffinity = BulkPhrases.industryAffinity.mapValues { vector($0, default: 1) }
        regionAffinity = BulkPhrases.regionAffinity.mapValues { vector($0, default: 1) }
        primaryWeights = BulkPhrases.primaryWeights.mapValues { vector($0, default: 0) }
    }
}

/// One generated interview, before it is written.
struct BulkInterview {
    struct Answer {
        var question: Question
        /// nil for a question the buyer skipped.
        var value: AnswerValue?
        var raw: String
        /// Seconds after the interview started.
        var offset: Int
    }

    struct Code {
        /// Index into ``answers``.
        var answer: Int
        var themeID: String
        var sentiment: Sentiment
        var isPrimary: Bool
    }

    struct Note {
        var questionID: String
        var text: String
        var offset: Int
    }

    var quote: QuotePermission
    var recordingAllowed: Bool
    /// Seconds after midnight UTC of the interview's day.
    var startSecond: Int
    var duration: Int
    var answers: [Answer] = []
    var codes: [Code] = []
    var notes: [Note] = []
}

/// Makes one deal's interview: consent, answers of every kind as an interviewer would type them, and the themes a
/// coder would find in the text answers.
struct BulkInterviewMaker {
    let programme: BulkProgramme
    let deal: BulkProgramme.BulkDeal
    let plan: InterviewTemplatePlan
    let themes: BulkThemeSet
    private var random: SampleRandom
    private var segmentWeights: [Double]
    /// The segment's weights with the interview's focus themes boosted.
    private var focusWeights: [Double] = []
    private var primaryTheme: Int?
    private let competitor: String
    private var industryWords: String?

    init(programme: BulkProgramme, deal: BulkProgramme.BulkDeal, plan: InterviewTemplatePlan, themes: BulkThemeSet) {
        self.programme = programme
        self.deal = deal
        self.plan = plan
        self.themes = themes
        var random = SampleRandom.forItem(deal.index, seed: programme.seed, stream: BulkProgramme.Stream.interview)
        let named = deal.competitorWon ?? deal.competitors.first ?? random.pick(SampleProgramme.competitors)
        competitor = named == "In-house build" ? "an in-house build" : named
        self.random = random
        var weights = themes.outcomeWeights[deal.outcome] ?? Array(repeating: 1, count: themes.ids.count)
        for table in [themes.industryAffinity[deal.industry], themes.regionAffinity[deal.region]] {
            guard let table else { continue }
            for index in weights.indices { weights[index] *= table[index] }
        }
        segmentWeights = weights
        // Large accounts worry about process and vendors; small ones about price and getting started.
        for (index, id) in themes.ids.enumerated() {
            if deal.profile.sizeIndex >= 5 {
                switch id {
                case "procurement", "vendor_viability": segmentWeights[index] *= 1.5
                case "security_compliance": segmentWeights[index] *= 1.4
                case "decision_process": segmentWeights[index] *= 1.3
                default: break
                }
            } else if deal.profile.sizeIndex <= 1 {
                switch id {
                case "price_level", "price_value": segmentWeights[index] *= 1.4
                case "ease_of_use", "time_to_value": segmentWeights[index] *= 1.3
                default: break
                }
            }
            // Budgets freeze in the first quarter; the product's gaps close over time.
            if deal.decided.quarter == 1, id == "budget_timing" { segmentWeights[index] *= 1.6 }
            if id == "missing_capability", deal.decided.days(until: programme.anchor) < 365 {
                segmentWeights[index] *= 0.7
            }
        }
    }

    mutating func make() -> BulkInterview {
        let roll = random.int(in: 0...99)
        let quote: QuotePermission = roll < 30 ? .named : roll < 80 ? .anonymous : .none
        let recording = random.chance(quote == .none ? 0.4 : 0.75)
        // Business hours in the buyer's region, in UTC, on the quarter hour.
        let hours: ClosedRange<Int> =
            switch deal.region {
            case "EMEA": 8...15
            case "APAC": 1...7
            case "LATAM": 12...19
            default: 14...20
            }
        let start = random.int(in: hours) * 3_600 + random.int(in: 0...3) * 900
        var interview = BulkInterview(quote: quote, recordingAllowed: recording, startSecond: start, duration: 0)
        chooseFocus()
        var conditionAnswers = InterviewPlan(template: plan.template, outcome: plan.outcome)
        var offset = 60 + random.int(in: 0...180)
        for planned in plan.questions {
            let question = planned.question
            if question.condition != nil, !conditionAnswers.applies(question.id) { continue }
            guard planned.answerRate >= 1 || question.id == plan.primaryQuestionID || random.chance(planned.answerRate)
            else { continue }
            let answerIndex = interview.answers.count
            var value: AnswerValue?
            var raw: String
            if planned.coded {
                let text = themedText(for: question, answerIndex: answerIndex, into: &interview)
                value = .text(text)
                raw = text
            } else {
                (value, raw) = answer(to: question)
                // Buyers sometimes decline to put a figure on it.
                if case .money? = value, random.chance(0.06) {
                    value = nil
                    raw = ""
                }
            }
            interview.answers.append(BulkInterview.Answer(question: question, value: value, raw: raw, offset: offset))
            if plan.conditionTargets.contains(question.id) {
                conditionAnswers.record(
                    RecordedAnswer(
                        questionID: question.id, value: value, raw: raw, tags: [],
                        answeredAt: Date(timeIntervalSince1970: 0)))
            }
            if let value { addNote(for: question, value: value, offset: offset + 20, into: &interview) }
            offset += 60 + random.int(in: 0...240)
        }
        interview.duration = offset + 120 + random.int(in: 0...600)
        return interview
    }

    // MARK: - Themed answers

    /// The interview's primary reason, and the handful of themes the buyer keeps coming back to: most of the themes
    /// coded in an interview are among them, as in a real conversation.
    private mutating func chooseFocus() {
        var weights = segmentWeights
        if let primary = themes.primaryWeights[deal.outcome] {
            primaryTheme = draw(primary.indices.map { primary[$0] * (weights[$0] > 0 ? 1 : 0) })
        }
        primaryTheme = primaryTheme ?? draw(weights)
        focusWeights = segmentWeights
        if let primaryTheme {
            focusWeights[primaryTheme] *= Self.focusBoost
            weights[primaryTheme] = 0
        }
        for _ in 0..<random.int(in: 5...8) {
            guard let index = draw(weights) else { break }
            focusWeights[index] *= Self.focusBoost
            weights[index] = 0
        }
    }

    /// How much more often a theme the buyer keeps coming back to is coded than another.
    static let focusBoost = 8.0

    private mutating func themedText(
        for question: Question, answerIndex: Int, into interview: inout BulkInterview
    ) -> String {
        var weights = focusWeights
        if let affinity = themes.questionAffinity[question.id] {
            for index in weights.indices { weights[index] *= affinity[index] }
        }
        var text = ""
        text.reserveCapacity(320)
        if let openers = BulkPhrases.openers[question.id], random.chance(0.4) {
            append(random.pick(openers), to: &text)
        }
        var count = random.int(in: 2...5) + (random.chance(0.15) ? 1 : 0)
        if question.id == plan.primaryQuestionID, let index = primaryTheme {
            let sentiment: Sentiment =
                switch deal.outcome {
                case .win: .positive
                case .loss: .negative
                case .noDecision: random.chance(0.65) ? .negative : .neutral
                }
            addTheme(
                index, sentiment: sentiment, primary: true, answerIndex: answerIndex, text: &text, into: &interview)
            weights[index] = 0
            count -= 1
        }
        for _ in 0..<count {
            guard let index = draw(weights) else { break }
            addTheme(
                index, sentiment: sentiment(for: question), primary: false, answerIndex: answerIndex, text: &text,
                into: &interview)
            weights[index] = 0
        }
        return text
    }

    private mutating func addTheme(
        _ index: Int, sentiment: Sentiment, primary: Bool, answerIndex: Int, text: inout String,
        into interview: inout BulkInterview
    ) {
        let id = themes.ids[index]
        interview.codes.append(
            BulkInterview.Code(answer: answerIndex, themeID: id, sentiment: sentiment, isPrimary: primary))
        guard let words = BulkPhrases.themes[id] else { return }
        var bank =
            switch sentiment {
            case .positive: words.positive
            case .negative: words.negative
            case .neutral: words.neutral
            }
        // A buyer who did not buy cannot say they signed.
        if deal.outcome != .win {
            let possible = bank.filter { !BulkPhrases.afterPurchase.contains($0) }
            bank = possible.isEmpty ? words.neutral : possible
        }
        append(random.pick(bank), to: &text)
    }

    /// An index drawn in proportion to `weights`, or nil when every weight is zero.
    private mutating func draw(_ weights: [Double]) -> Int? {
        var total = 0.0
        for weight in weights { total += weight }
        guard total > 0 else { return nil }
        var point = Double(random.next() >> 11) / Double(1 << 53) * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            point -= weight
            if point < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 }
    }

    /// Wins are mostly praise and losses criticism; some questions ask for the other side.
    private mutating func sentiment(for question: Question) -> Sentiment {
        var (positive, negative): (Double, Double) =
            switch deal.outcome {
            case .win: (0.68, 0.15)
            case .loss: (0.15, 0.68)
            case .noDecision: (0.15, 0.45)
            }
        switch question.id {
        case "near_miss": (positive, negative) = (0.1, 0.6)
        case "runner_up": (positive, negative) = (0.2, 0.3)
        case "what_would_change": (positive, negative) = (0.25, 0.15)
        case "our_shortfall", "do_differently": (positive, negative) = (0.05, 0.8)
        case "winner_reason" where deal.outcome == .loss: (positive, negative) = (0.1, 0.75)
        default: break
        }
        let roll = Double(random.next() >> 11) / Double(1 << 53)
        return roll < positive ? .positive : roll < positive + negative ? .negative : .neutral
    }

    /// Appends a sentence, filling its slots, with a space before it if the text already has words.
    private mutating func append(_ phrase: String, to text: inout String) {
        if !text.isEmpty { text += " " }
        guard phrase.utf8.contains(UInt8(ascii: "{")) else {
            text += phrase
            return
        }
        var rest = phrase[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            var fill = self.fill(rest[rest.index(after: open)..<close])
            if open == phrase.startIndex, let first = fill.first, first.isLowercase {
                fill = first.uppercased() + fill.dropFirst()
            }
            text += fill
            rest = rest[rest.index(after: close)...]
        }
        text += rest
    }

    private mutating func fill(_ slot: Substring) -> String {
        switch slot {
        case "competitor": return competitor
        case "industry":
            if let industryWords { return industryWords }
            let words = deal.industry.lowercased()
            industryWords = words
            return words
        case "team": return random.pick(BulkPhrases.teams)
        case "n": return String(random.int(in: 2...9))
        case "reason": return deal.reason
        default: return String(slot)
        }
    }

    // MARK: - Other answers

    /// An answer by what the question measures, else by its kind, with what an interviewer would type.
    private mutating func answer(to question: Question) -> (AnswerValue, String) {
        switch question.metric {
        case .gapValue?, .inactionCost?:
            if case .money(let period, _) = question.kind {
                return money(question.metric == .gapValue ? gapValue() : inactionCost(), period: period)
            }
        case .ownershipYears?:
            if case .number(_, _, let unit) = question.kind {
                let years = random.int(in: 2...7)
                return (
                    .number(Decimal(years)), unit != nil && random.chance(0.5) ? "\(years) \(unit ?? "")" : "\(years)"
                )
            }
        case .preferredVendor?:
            if case .yesNo = question.kind {
                // Column fodder: a buyer who chose a competitor had often favoured it from the start.
                let rate =
                    switch deal.outcome {
                    case .loss: deal.reason == "Chose competitor" ? 0.8 : 0.65
                    case .win: 0.2
                    case .noDecision: 0.3
                    }
                return yesNo(random.chance(rate))
            }
        case .nextStepCommitted?:
            if case .yesNo = question.kind {
                let rate =
                    switch deal.outcome {
                    case .win: 0.6
                    case .loss: 0.2
                    case .noDecision: 0.45
                    }
                return yesNo(random.chance(rate))
            }
        case .wouldReconsider?:
            if case .yesNo = question.kind {
                // Most lost buyers are settled for a while; some would look again at renewal.
                return yesNo(random.chance(0.35))
            }
        case .openness?, .candor?:
            if case .scale(let minimum, let maximum, let labels) = question.kind {
                let point: Int
                if question.metric == .candor {
                    point = [2, 3, 3, 4, 4, 4, 5, 5][random.int(in: 0...7)]
                } else {
                    point =
                        switch deal.outcome {
                        case .win: [3, 4, 4, 5, 5][random.int(in: 0...4)]
                        case .loss: [1, 1, 2, 2, 3, 4][random.int(in: 0...5)]
                        case .noDecision: [2, 3, 3, 4, 4, 5][random.int(in: 0...5)]
                        }
                }
                let clamped = min(maximum, max(minimum, point))
                if let label = labels[clamped], random.chance(0.3) { return (.scale(clamped), label) }
                return (.scale(clamped), String(clamped))
            }
        case .firstContactWithWinner?:
            if case .months = question.kind {
                let count = [1, 2, 3, 3, 4, 6, 6, 6, 8, 9, 12, 12, 18][random.int(in: 0...12)]
                return months(count)
            }
        case .revisitWhen?:
            if case .date = question.kind {
                let interviewDay = deal.decided.adding(days: deal.interviewLag)
                var month = interviewDay.month + random.int(in: 3...12)
                var year = interviewDay.year
                while month > 12 {
                    month -= 12
                    year += 1
                }
                let day = CalendarDate(uncheckedYear: year, month: month, day: 1)
                return (.date(day), random.chance(0.7) ? day.description : "1 \(Self.monthNames[month - 1]) \(year)")
            }
        default:
            break
        }
        return generic(question)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An answer for any question by its kind: the fallback for questions the generator has no words for.
    private mutating func generic(_ question: Question) -> (AnswerValue, String) {
        switch question.kind {
        case .shortText, .longText:
            let bank =
                BulkPhrases.plainAnswers[question.metric?.rawValue ?? question.id]
                ?? BulkPhrases.plainAnswers[question.id] ?? BulkPhrases.plainAnswers[""] ?? ["No comment."]
            var text = ""
            append(random.pick(bank), to: &text)
            return (.text(text), text)
        case .number(let minimum, let maximum, _):
            let low = minimum.map { NSDecimalNumber(decimal: $0).intValue } ?? 1
            let high = max(low, maximum.map { NSDecimalNumber(decimal: $0).intValue } ?? low + 10)
            let value = random.int(in: low...high)
            return (.number(Decimal(value)), String(value))
        case .money(let period, _):
            return money(gapValue(), period: period)
        case .percent:
            let value = random.int(in: 5...60)
            return (.percent(Decimal(value)), "\(value)%")
        case .scale(let minimum, let maximum, _):
            let point = random.int(in: minimum...max(minimum, maximum))
            return (.scale(point), String(point))
        case .singleChoice(let choices):
            guard !choices.isEmpty else { return (.text("n/a"), "n/a") }
            let choice = random.pick(choices)
            return (.choice(choice.id), choice.id)
        case .multipleChoice(let choices, let maximum):
            return participants(choices, maximum: maximum)
        case .yesNo:
            return yesNo(random.chance(0.5))
        case .date:
            let day = deal.decided.adding(days: deal.interviewLag + random.int(in: 90...365))
            return (.date(day), day.description)
        case .months:
            return months(random.int(in: 1...12))
        }
    }

    /// Who took part: operations and an executive usually, finance often, security and procurement in large
    /// accounts.
    private mutating func participants(_ choices: [Choice], maximum: Int?) -> (AnswerValue, String) {
        let large = deal.profile.sizeIndex >= 5
        var picked: [Choice] = []
        for choice in choices {
            let rate: Double =
                switch choice.id {
                case "executive": 0.6
                case "finance": 0.55
                case "it": 0.5
                case "security": large ? 0.5 : 0.15
                case "procurement": large || deal.industry == "Public Sector" ? 0.6 : 0.2
                case "operations": 0.7
                case "users": 0.35
                case "external": 0.1
                default: 0.3
                }
            if random.chance(rate) { picked.append(choice) }
        }
        if picked.isEmpty, let first = choices.first { picked = [first] }
        if let maximum, picked.count > maximum { picked = Array(picked.prefix(maximum)) }
        let ids = picked.map(\.id)
        if random.chance(0.5) {
            let numbers = picked.compactMap { choice in choices.firstIndex { $0.id == choice.id }.map { $0 + 1 } }
            return (.choices(ids), numbers.map(String.init).joined(separator: ", "))
        }
        return (.choices(ids), ids.joined(separator: ", "))
    }

    private mutating func yesNo(_ value: Bool) -> (AnswerValue, String) {
        let raw = random.chance(0.85) ? (value ? "yes" : "no") : (value ? "y" : "n")
        return (.yesNo(value), raw)
    }

    private mutating func months(_ count: Int) -> (AnswerValue, String) {
        if count % 12 == 0, random.chance(0.5) {
            let years = count / 12
            return (.months(count), years == 1 ? "1 year" : "\(years) years")
        }
        return (.months(count), random.chance(0.6) ? (count == 1 ? "1 month" : "\(count) months") : String(count))
    }

    // MARK: - Money

    /// What closing the gap is worth a year, in the deal's currency: a few times the deal's amount, most for wins.
    private mutating func gapValue() -> Money {
        let major = deal.amount.minorUnits / powerOfTen(deal.amount.currency.minorUnitDigits)
        let factor: Int =
            switch deal.outcome {
            case .win: random.int(in: 20...60)
            case .loss: random.int(in: 15...50)
            case .noDecision: random.int(in: 10...40)
            }
        return rounded(major * Int64(factor) / 10, currency: deal.amount.currency)
    }

    /// What each year of doing nothing costs: a part of the gap's value.
    private mutating func inactionCost() -> Money {
        let major = deal.amount.minorUnits / powerOfTen(deal.amount.currency.minorUnitDigits)
        return rounded(major * Int64(random.int(in: 8...35)) / 10, currency: deal.amount.currency)
    }

    /// Rounded as buyers say figures: to 5,000, at least 10,000.
    private func rounded(_ major: Int64, currency: Currency) -> Money {
        let value = max(10_000, (major + 2_500) / 5_000 * 5_000)
        return Money(minorUnits: value * powerOfTen(currency.minorUnitDigits), currency: currency)
    }

    /// A money answer as typed: `$250k per year`, `EUR 250,000 a year`, `$1.2M`, `250k`.
    private mutating func money(_ money: Money, period: MoneyPeriod?) -> (AnswerValue, String) {
        let major = money.minorUnits / powerOfTen(money.currency.minorUnitDigits)
        let usd = money.currency == .usd
        let short: String
        if major >= 1_000_000, major % 100_000 == 0 {
            let tenths = major / 100_000
            short = tenths % 10 == 0 ? "\(tenths / 10)M" : "\(tenths / 10).\(tenths % 10)M"
        } else {
            short = "\(major / 1_000)k"
        }
        let periodWords = period == .year ? [" per year", " a year", "/year", " annually", ""] : [""]
        let words = random.pick(periodWords)
        let raw: String
        switch random.int(in: 0...2) {
        case 0: raw = (usd ? "$" : "EUR ") + short + words
        case 1: raw = money.currency.code + " " + Int(major).grouped + words
        default: raw = usd ? short + words : "€" + short + words
        }
        return (.money(money, period: period), raw)
    }

    // MARK: - Notes

    private mutating func addNote(
        for question: Question, value: AnswerValue, offset: Int, into interview: inout BulkInterview
    ) {
        guard let bank = BulkPhrases.notes[question.id] else { return }
        let rate: Double
        switch (question.id, value) {
        case ("preferred_vendor", .yesNo(true)): rate = 0.5
        case ("preferred_vendor", _): return
        case ("decision_participants", _): rate = 0.2
        default: rate = 0.1
        }
        guard random.chance(rate) else { return }
        var text = ""
        append(random.pick(bank), to: &text)
        interview.notes.append(BulkInterview.Note(questionID: question.id, text: text, offset: offset))
    }
}
