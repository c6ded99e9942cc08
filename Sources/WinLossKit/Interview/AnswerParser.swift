import Foundation

/// Reads what an interviewer types into the answer a question takes, or says why it cannot.
///
/// Money takes the forms people say (`$1.2M`, `250k`, `EUR 40,000 per year`, `€5k a month`); choices are taken by
/// number, id or label; scales by point or label; dates as `2027-04-01`, `1 Apr 2027` or `4/1/2027`; months as
/// `6`, `6 months` or `2 years`. A bad answer is explained, never stored.
package struct AnswerParser: Sendable {
    package var defaultCurrency: Currency

    package init(defaultCurrency: Currency = .usd) {
        self.defaultCurrency = defaultCurrency
    }

    package func parse(_ input: String, for question: Question) -> Result<AnswerValue, AnswerError> {
        let text = input.trimmed
        guard !text.isEmpty else { return .failure(.empty) }
        switch question.kind {
        case .shortText, .longText:
            return .success(.text(text))
        case .number(let minimum, let maximum, let unit):
            let withoutUnit = unit.map { removingSuffixes(text, [$0, String($0.dropLast())]) } ?? text
            guard let value = decimal(withoutUnit) else { return .failure(.notANumber(text)) }
            if let minimum, value < minimum { return .failure(.outOfRange(text, "at least \(minimum)")) }
            if let maximum, value > maximum { return .failure(.outOfRange(text, "at most \(maximum)")) }
            return .success(.number(value))
        case .money(let defaultPeriod, let currency):
            let (amountText, period) = splitPeriod(text)
            switch MoneyParser(defaultCurrency: currency ?? defaultCurrency).parse(amountText) {
            case .success(let money):
                guard money.minorUnits >= 0 else { return .failure(.outOfRange(text, "not negative")) }
                return .success(.money(money, period: period ?? defaultPeriod))
            case .failure(let failure):
                return .failure(.notMoney(text, failure.description))
            }
        case .percent:
            guard let value = decimal(removingSuffixes(text, ["%", "percent", "per cent"])) else {
                return .failure(.notANumber(text))
            }
            return .success(.percent(value))
        case .scale(let minimum, let maximum, let labels):
            if let point = Int(text) {
                guard (minimum...maximum).contains(point) else {
                    return .failure(.outOfRange(text, "from \(minimum) to \(maximum)"))
                }
                return .success(.scale(point))
            }
            if let match = labels.first(where: { TextKey.folded($0.value) == TextKey.folded(text) }) {
                return .success(.scale(match.key))
            }
            return .failure(.outOfRange(text, "a whole number from \(minimum) to \(maximum)"))
        case .singleChoice(let choices):
            return choice(text, among: choices).map(AnswerValue.choice)
        case .multipleChoice(let choices, let maximum):
            let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map(\.trimmed).filter { !$0.isEmpty }
            var picked: [String] = []
            for part in parts {
                switch choice(part, among: choices) {
                case .success(let id): if !picked.contains(id) { picked.append(id) }
                case .failure(let error): return .failure(error)
                }
            }
            if let maximum, picked.count > maximum { return .failure(.tooManyChoices(picked.count, maximum)) }
            return .success(.choices(picked))
        case .yesNo:
            switch TextKey.squashed(text) {
            case "y", "yes", "true", "1": return .success(.yesNo(true))
            case "n", "no", "false", "0": return .success(.yesNo(false))
            default: return .failure(.notYesOrNo(text))
            }
        case .date:
            switch DateParser(order: .monthFirst).parse(text) {
            case .success(let date): return .success(.date(date))
            case .failure: return .failure(.notADate(text))
            }
        case .months:
            let words = text.lowercased().split(separator: " ").map(String.init)
            guard let first = words.first, let count = Int(first), count >= 0, words.count <= 2 else {
                return .failure(.notMonths(text))
            }
            let unit = words.count == 2 ? words[1] : "months"
            if ["month", "months", "mo"].contains(unit) { return .success(.months(count)) }
            if ["year", "years", "yr", "yrs"].contains(unit) { return .success(.months(count * 12)) }
            return .failure(.notMonths(text))
        }
    }

    private func choice(_ text: String, among choices: [Choice]) -> Result<String, AnswerError> {
        if let number = Int(text) {
            guard (1...choices.count).contains(number) else { return .failure(.noSuchChoice(text, choices.count)) }
            return .success(choices[number - 1].id)
        }
        let key = TextKey.folded(text)
        if let match = choices.first(where: { $0.id == text || TextKey.folded($0.label) == key }) {
            return .success(match.id)
        }
        return .failure(.noSuchChoice(text, choices.count))
    }

    private func decimal(_ text: String) -> Decimal? {
        let cleaned = text.trimmed.replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
            let value = Decimal(string: cleaned)
        else { return nil }
        return value
    }

    private func removingSuffixes(_ text: String, _ suffixes: [String]) -> String {
        for suffix in suffixes where !suffix.isEmpty && text.lowercased().hasSuffix(suffix.lowercased()) {
            return String(text.dropLast(suffix.count)).trimmed
        }
        return text
    }

    private static let periodWords: [(String, MoneyPeriod)] = [
        ("per annum", .year), ("per year", .year), ("a year", .year), ("each year", .year), ("/year", .year),
        ("/yr", .year),
        ("yearly", .year), ("annually", .year), ("p.a.", .year), ("pa", .year), ("per quarter", .quarter),
        ("a quarter", .quarter), ("/quarter", .quarter), ("quarterly", .quarter), ("per month", .month),
        ("a month", .month),
        ("each month", .month), ("/month", .month), ("/mo", .month), ("monthly", .month), ("one-time", .oneTime),
        ("one time", .oneTime), ("once", .oneTime),
    ]

    /// `EUR 40,000 per year` → (`EUR 40,000`, year).
    private func splitPeriod(_ text: String) -> (String, MoneyPeriod?) {
        let lower = text.lowercased()
        for (words, period) in AnswerParser.periodWords where lower.hasSuffix(words) {
            let amount = String(text.dropLast(words.count)).trimmed
            if !amount.isEmpty { return (amount, period) }
        }
        return (text, nil)
    }
}

/// Why an answer was not accepted; the interviewer is asked again.
package enum AnswerError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notANumber(String)
    case outOfRange(String, String)
    case notMoney(String, String)
    case noSuchChoice(String, Int)
    case tooManyChoices(Int, Int)
    case notYesOrNo(String)
    case notADate(String)
    case notMonths(String)

    package var description: String {
        switch self {
        case .empty: "the answer is empty; type it, or /skip"
        case .notANumber(let text): "\(text.debugDescription) is not a number"
        case .outOfRange(let text, let range): "\(text.debugDescription) is out of range: the answer must be \(range)"
        case .notMoney(let text, let reason):
            "\(text.debugDescription) is not an amount of money: \(reason). Add a period like \"per year\" if it has one"
        case .noSuchChoice(let text, let count):
            "\(text.debugDescription) is not one of the choices; type a number from 1 to \(count), or the choice's name"
        case .tooManyChoices(let count, let maximum): "\(count) choices were given; at most \(maximum) may be picked"
        case .notYesOrNo(let text): "\(text.debugDescription) is not yes or no"
        case .notADate(let text): "\(text.debugDescription) is not a date; write it like 2027-04-01 or 1 Apr 2027"
        case .notMonths(let text):
            "\(text.debugDescription) is not a number of months; write it like 6, 6 months or 2 years"
        }
    }
}
