import Foundation

/// Reads amounts as CRM exports and people write them: `$1,234.56`, `1.234,56 €`, `EUR 40,000`, `(1,000)`,
/// `£12k`, `1.2M`, `JPY 1,000`.
///
/// Which of `.` and `,` is the decimal separator follows the evidence in the text (`1.234,56` has both; `12,5`
/// can only be a decimal comma). A lone separator followed by exactly three digits (`EUR 40.000`, `$40,000`)
/// groups thousands whenever the currency has fewer than three decimals, since reading it as a decimal point
/// would give the amount more decimals than its currency has; only where both readings are possible (a
/// three-decimal currency such as KWD, or a magnitude such as `1.500k`) does ``decimalComma`` settle it. The
/// result is exact or an error: an amount with more decimals than its currency has is refused, never rounded
/// or cut.
public struct MoneyParser: Sendable {
    /// The currency for an amount that names none, and for a bare `$` when it is itself a dollar currency.
    package var defaultCurrency: Currency
    /// Where a lone separator followed by three digits could be either (`KWD 1,234`, `1.500k`), read `,` as the
    /// decimal separator and `.` as the thousands separator (the European convention).
    package var decimalComma: Bool
    /// Accept `k`, `M`, `bn` and the words thousand, million, billion after the number.
    package var allowsMagnitudeSuffix: Bool

    public init(defaultCurrency: Currency = .usd, decimalComma: Bool = false, allowsMagnitudeSuffix: Bool = true) {
        self.defaultCurrency = defaultCurrency
        self.decimalComma = decimalComma
        self.allowsMagnitudeSuffix = allowsMagnitudeSuffix
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notAnAmount(String)
        case unknownCurrency(String)
        case conflictingCurrencies(String, String)
        case tooPrecise(String, Currency)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .empty:
                "no amount given"
            case .notAnAmount(let text):
                "\(text.debugDescription) is not an amount (write it like 12500, $12,500.00, EUR 40.000,00 or 250k)"
            case .unknownCurrency(let code):
                "\(code.debugDescription) is not an ISO 4217 currency code (USD, EUR, GBP…)"
            case .conflictingCurrencies(let first, let second):
                "the amount names two currencies, \(first) and \(second)"
            case .tooPrecise(let text, let currency):
                "\(text.debugDescription) has more decimals than \(currency.code) has (\(currency.minorUnitDigits)); "
                    + "write it to the \(currency.minorUnitDigits == 0 ? "whole unit" : "minor unit"), never more precisely"
            case .tooLarge(let text):
                "\(text.debugDescription) is too large an amount"
            }
        }
    }

    public func parse(_ input: String) -> Result<Money, Failure> {
        let text = input.trimmed
        guard !text.isEmpty else { return .failure(.empty) }
        let scalars = Array(text.unicodeScalars)

        guard let numberStart = scalars.firstIndex(where: { $0.isASCIIDigitScalar })
        else { return .failure(.notAnAmount(text)) }
        var start = numberStart
        if start > 0, scalars[start - 1] == "." || scalars[start - 1] == "," { start -= 1 }  // ".5M"
        var end = start
        while end < scalars.count {
            let scalar = scalars[end]
            if scalar.isASCIIDigitScalar {
                end += 1
            } else if MoneyParser.separators.contains(scalar), end + 1 < scalars.count,
                scalars[end + 1].isASCIIDigitScalar
            {
                end += 1
            } else {
                break
            }
        }

        var negative = false
        var currency: Currency?
        var exponent = 0
        var prefix = String(String.UnicodeScalarView(scalars[..<start])).trimmed
        var suffix = String(String.UnicodeScalarView(scalars[end...])).trimmed
        if prefix.hasPrefix("("), suffix.hasSuffix(")") {
            negative = true
            prefix.removeFirst()
            suffix.removeLast()
        }
        for sign in ["-", "\u{2212}"] {
            if prefix.hasPrefix(sign) || prefix.hasSuffix(sign) {
                negative = true
                prefix = prefix.replacingOccurrences(of: sign, with: "")
            }
        }

        // Prefix: a currency at most. Suffix: a magnitude, a currency, or a magnitude then a currency.
        do {
            currency = try currencyToken(prefix.trimmed, in: text)
            let words = suffix.split(whereSeparator: { $0.isWhitespace })
            var rest = words.map(String.init)
            if let first = rest.first, allowsMagnitudeSuffix {
                if let power = MoneyParser.magnitudes[first] ?? MoneyParser.magnitudes[first.lowercased()] {
                    exponent = power
                    rest.removeFirst()
                } else if (try? currencyToken(first, in: text)) == nil, let (power, remainder) = splitMagnitude(first),
                    (try? currencyToken(remainder, in: text)) != nil
                {
                    // "12kEUR" or "1.2M€"; but "1000 BRL" is a currency, not a billion.
                    exponent = power
                    rest[0] = remainder
                }
            }
            if !rest.isEmpty {
                let suffixCurrency = try currencyToken(rest.joined(separator: " "), in: text)
                if let prefixCurrency = currency, let suffixCurrency, prefixCurrency != suffixCurrency {
                    return .failure(.conflictingCurrencies(prefixCurrency.code, suffixCurrency.code))
                }
                currency = currency ?? suffixCurrency
            }
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.notAnAmount(text))
        }

        let resolved = currency ?? defaultCurrency
        let number = Array(scalars[start..<end])
        // A lone separator before three digits is a decimal point only if the currency can hold what follows it.
        let thousandsOnly = exponent == 0 && resolved.minorUnitDigits < 3
        guard let (digits, fractionCount) = splitDecimal(number, loneThreeDigitsGroup: thousandsOnly) else {
            return .failure(.notAnAmount(text))
        }
        let scale = exponent - fractionCount + resolved.minorUnitDigits
        return exactMinorUnits(digits: digits, scale: scale, text: text, currency: resolved)
            .map { Money(minorUnits: negative ? -$0 : $0, currency: resolved) }
    }

    // MARK: - Parts

    private static let separators: Set<Unicode.Scalar> = [".", ",", "'", "\u{2019}", " ", "\u{A0}", "\u{202F}"]

    private static let magnitudes: [String: Int] = [
        "k": 3, "K": 3, "thousand": 3,
        "m": 6, "M": 6, "mm": 6, "MM": 6, "mn": 6, "million": 6, "millions": 6,
        "b": 9, "B": 9, "bn": 9, "billion": 9, "billions": 9,
    ]

    private static let symbols: [String: String] = [
        "US$": "USD", "U$S": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
        "HK$": "HKD", "S$": "SGD", "R$": "BRL", "MX$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
        "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "zł": "PLN", "Fr.": "CHF",
    ]

    private static let dollarCurrencies: Set<String> = [
        "USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "GYD",
        "JMD", "KYD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD",
    ]

    private func currencyToken(_ token: String, in text: String) throws -> Currency? {
        guard !token.isEmpty else { return nil }
        if token == "$" {
            return MoneyParser.dollarCurrencies.contains(defaultCurrency.code) ? defaultCurrency : .usd
        }
        if let code = MoneyParser.symbols[token], let currency = Currency(code: code) { return currency }
        guard token.count == 3, token.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw Failure.notAnAmount(text)
        }
        guard let currency = Currency(code: token) else { throw Failure.unknownCurrency(token) }
        return currency
    }

    private func splitMagnitude(_ word: String) -> (Int, String)? {
        for (suffix, power) in MoneyParser.magnitudes.sorted(by: { $0.key.count > $1.key.count })
        where word.hasPrefix(suffix) && word.count > suffix.count {
            return (power, String(word.dropFirst(suffix.count)))
        }
        return nil
    }

    /// The digits without separators, and how many of them follow the decimal separator; nil when the
    /// separators do not form a number (`12.500.00`, `1,23,4`).
    ///
    /// - Parameter loneThreeDigitsGroup: a lone `.` or `,` followed by exactly three digits groups thousands,
    ///   whatever the convention (unless what comes before it cannot be a group, as in `0.500`).
    private func splitDecimal(_ number: [Unicode.Scalar], loneThreeDigitsGroup: Bool) -> ([UInt8], Int)? {
        let dots = number.indices.filter { number[$0] == "." }
        let commas = number.indices.filter { number[$0] == "," }
        var decimalIndex: Int?
        if let lastDot = dots.last, let lastComma = commas.last {
            // Both marks: the last one is the decimal mark, and it may appear only once.
            let decimal = max(lastDot, lastComma)
            guard (decimal == lastDot ? dots : commas).count == 1 else { return nil }
            decimalIndex = decimal
        } else if let only = (dots.isEmpty ? commas : dots).first, dots.count + commas.count == 1 {
            // One mark, once: a decimal mark unless it is followed by exactly three digits and either the currency
            // has fewer decimals than that or the convention in use groups with it (`1,234`, or `1.234` with a
            // decimal comma). A leading zero (`0.500`) is never a group of thousands.
            let digitsAfter = number.count - only - 1
            let groupsByConvention = (number[only] == ",") != decimalComma
            let leadingZero = number.first == "0" || only == 0
            if digitsAfter != 3 || leadingZero || !(loneThreeDigitsGroup || groupsByConvention) {
                decimalIndex = only
            }
        }
        // Several of one mark: thousands separators, checked below.
        let integerPart = decimalIndex.map { Array(number[..<$0]) } ?? number
        let fractionPart = decimalIndex.map { Array(number[($0 + 1)...]) } ?? []
        guard fractionPart.allSatisfy(\.isASCIIDigitScalar), isGrouped(integerPart) else { return nil }
        let digits = (integerPart + fractionPart).filter(\.isASCIIDigitScalar).map { UInt8($0.value - 48) }
        return (digits, fractionPart.count)
    }

    /// Digits in groups of three after the first (`1,234,567`), or the Indian `12,34,567`, with one kind of
    /// grouping mark.
    private func isGrouped(_ integerPart: [Unicode.Scalar]) -> Bool {
        let marks = Set(integerPart.filter { !$0.isASCIIDigitScalar })
        guard marks.count <= 1 else { return false }
        guard let mark = marks.first else { return true }
        let groups = integerPart.split(separator: mark, omittingEmptySubsequences: false).map(\.count)
        guard let first = groups.first, let last = groups.last, (1...3).contains(first), last == 3,
            integerPart.first != "0"
        else { return false }
        let middle = groups.dropFirst().dropLast()
        return middle.allSatisfy { $0 == 3 } || middle.allSatisfy { $0 == 2 }
    }

    /// `digits` × 10^`scale`, exactly, or a failure if that leaves a fraction or overflows.
    private func exactMinorUnits(digits: [UInt8], scale: Int, text: String, currency: Currency)
        -> Result<Int64, Failure>
    {
        var digits = digits
        var scale = scale
        while scale < 0 {
            guard let last = digits.last else { break }
            guard last == 0 else { return .failure(.tooPrecise(text, currency)) }
            digits.removeLast()
            scale += 1
        }
        var value: Int64 = 0
        for digit in digits {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return .failure(.tooLarge(text)) }
            value = sum
        }
        for _ in 0..<max(scale, 0) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return .failure(.tooLarge(text)) }
            value = shifted
        }
        return .success(value)
    }
}

extension Unicode.Scalar {
    var isASCIIDigitScalar: Bool { ("0"..."9").contains(self) }
}
