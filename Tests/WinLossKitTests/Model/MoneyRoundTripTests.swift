import PropertyBased
import Testing

@testable import WinLossKit

/// Every amount printed in any style people and CRM exports use reads back as exactly itself.
///
/// The printer here is written independently of the parser and of ``Money/formatted``: it builds the text from the
/// integer count of minor units alone.
struct MoneyRoundTripTests {
    /// How an amount is written.
    enum Style: CaseIterable {
        /// `EUR 1,234,567.89`
        case codeFirstDotDecimal
        /// `EUR 1.234.567,89`
        case codeFirstCommaDecimal
        /// `€1,234,567.89`, `$…`, `£…`, `¥…`
        case symbolFirstDotDecimal
        /// `1.234.567,89 €`
        case symbolAfterCommaDecimal
        /// `1 234 567,89 EUR`, grouped with spaces (plain, no-break or narrow no-break)
        case spacesCommaDecimal
        /// `CHF 1'234'567.89`
        case apostrophes
        /// `1234567.89 EUR`
        case ungroupedDot
        /// `1234567,89 EUR`
        case ungroupedComma
        /// `EUR 1,234,567`, whole amounts without decimals
        case wholeCommaGroups
        /// `EUR 1.234.567`, whole amounts without decimals, grouped the European way
        case wholeDotGroups
        /// `12,34,567.00 INR`
        case indian
        /// `EUR 40k`, `EUR 1.5M` for round amounts
        case magnitude

        /// Whether the style writes `,` as the decimal separator (or `.` as the thousands separator).
        var isEuropean: Bool {
            switch self {
            case .codeFirstCommaDecimal, .symbolAfterCommaDecimal, .spacesCommaDecimal, .ungroupedComma,
                .wholeDotGroups:
                true
            default: false
            }
        }
    }

    static let currencies: [(code: String, digits: Int, symbol: String?)] = [
        ("USD", 2, "$"), ("EUR", 2, "€"), ("GBP", 2, "£"), ("JPY", 0, "¥"), ("CHF", 2, nil), ("INR", 2, "₹"),
        ("KWD", 3, nil), ("BHD", 3, nil), ("CLP", 0, nil),
    ]

    /// Digits grouped in threes (or the Indian 3-then-2) with `mark`.
    static func grouped(_ digits: String, _ mark: String, indian: Bool = false) -> String {
        var groups: [String] = []
        var rest = Substring(digits)
        var size = 3
        while rest.count > size {
            groups.insert(String(rest.suffix(size)), at: 0)
            rest = rest.dropLast(size)
            if indian { size = 2 }
        }
        groups.insert(String(rest), at: 0)
        return groups.joined(separator: mark)
    }

    /// The amount `minor` of a currency with `digits` decimals in `style`, or nil when the style does not apply
    /// to it (whole amounts only, round amounts only, the rupee's grouping).
    static func printed(
        _ minor: Int64, code: String, digits: Int, symbol: String?, style: Style, space: String
    ) -> String? {
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = minor.magnitude
        let whole = String(magnitude / scale)
        let remainder = String(magnitude % scale)
        let fraction = digits == 0 ? "" : String(repeating: "0", count: digits - remainder.count) + remainder
        let negative = minor < 0
        func number(_ groupMark: String, _ decimalMark: String, indian: Bool = false) -> String {
            grouped(whole, groupMark, indian: indian) + (digits > 0 ? decimalMark + fraction : "")
        }
        let body: String
        switch style {
        case .codeFirstDotDecimal: body = "\(code) " + number(",", ".")
        case .codeFirstCommaDecimal: body = "\(code) " + number(".", ",")
        case .symbolFirstDotDecimal:
            guard let symbol else { return nil }
            body = symbol + number(",", ".")
        case .symbolAfterCommaDecimal:
            guard let symbol else { return nil }
            body = number(".", ",") + " " + symbol
        case .spacesCommaDecimal: body = number(space, ",") + " \(code)"
        case .apostrophes: body = "\(code) " + number("'", ".")
        case .ungroupedDot: body = whole + (digits > 0 ? "." + fraction : "") + " \(code)"
        case .ungroupedComma: body = whole + (digits > 0 ? "," + fraction : "") + " \(code)"
        case .wholeCommaGroups:
            guard magnitude % scale == 0 else { return nil }
            body = "\(code) " + grouped(whole, ",")
        case .wholeDotGroups:
            guard magnitude % scale == 0 else { return nil }
            body = "\(code) " + grouped(whole, ".")
        case .indian:
            guard code == "INR" else { return nil }
            body = number(",", ".", indian: true) + " INR"
        case .magnitude:
            // Thousands as k and millions as M, with at most one decimal: `40k`, `1.5M`.
            let thousand = scale * 1000
            let million = thousand * 1000
            if magnitude > 0, magnitude % million == 0 {
                body = "\(code) \(magnitude / million)M"
            } else if magnitude >= million, magnitude % (million / 10) == 0 {
                body = "\(code) \(magnitude / million).\(magnitude % million / (million / 10))M"
            } else if magnitude > 0, magnitude % thousand == 0 {
                body = "\(code) \(magnitude / thousand)k"
            } else {
                return nil
            }
        }
        return negative ? "(\(body))" : body
    }

    @Test func everyAmountPrintedInAnyStyleReadsBackAsItself() async {
        // An amount is a mantissa times a power of ten, so that round amounts (whole units, thousands, millions)
        // come up as often as ragged ones; shrinking leads to the smallest failing amount.
        await propertyCheck(
            count: 4000, input: Gen.int64(in: -999_999...999_999), Gen.int(in: 0...12),
            Gen.int(in: 0...(Self.currencies.count - 1)), Gen.int(in: 0...(Style.allCases.count - 1)),
            Gen.int(in: 0...2)
        ) { mantissa, exponent, currencyIndex, styleIndex, spaceIndex in
            var minor = mantissa
            for _ in 0..<exponent { minor *= 10 }
            let (code, digits, symbol) = Self.currencies[currencyIndex]
            let style = Style.allCases[styleIndex]
            let space = [" ", "\u{A0}", "\u{202F}"][spaceIndex]
            guard
                let text = Self.printed(minor, code: code, digits: digits, symbol: symbol, style: style, space: space),
                let currency = Currency(code: code)
            else { return }
            // A currency with fewer than three decimals reads the same whichever convention is in use: nothing is
            // ambiguous. One with three needs the convention the text was written in.
            let conventions = digits < 3 ? [false, true] : [style.isEuropean]
            for decimalComma in conventions {
                let parser = MoneyParser(defaultCurrency: .usd, decimalComma: decimalComma)
                let parsed = parser.parse(text)
                #expect(
                    parsed == .success(Money(minorUnits: minor, currency: currency)),
                    "\(text.debugDescription) (decimal comma: \(decimalComma)) read as \(parsed)")
            }
        }
    }

    @Test(arguments: [
        ("EUR 40.000", "EUR", Int64(4_000_000)),
        ("EUR 5.000", "EUR", 500_000),
        ("5.000 €", "EUR", 500_000),
        ("EUR 12.345", "EUR", 1_234_500),
        ("EUR 40.000 per year", "EUR", 4_000_000),
        ("$40,000", "USD", 4_000_000),
        ("JPY 1.000", "JPY", 1000),
        ("0.500", "USD", 50),
        ("EUR 0,500", "EUR", 50),
        ("1.500k", "USD", 150_000),
    ])
    func aLoneSeparatorBeforeThreeDigitsGroupsThousandsWhenTheCurrencyCannotHoldThem(
        text: String, code: String, minor: Int64
    ) throws {
        let words = text.replacingOccurrences(of: " per year", with: "")
        for decimalComma in [false, true] where !(text == "1.500k" && decimalComma) {
            let money = try MoneyParser(decimalComma: decimalComma).parse(words).get()
            #expect(money.currency.code == code)
            #expect(money.minorUnits == minor, "\(text) with decimal comma \(decimalComma)")
        }
    }

    @Test func aThreeDecimalCurrencyFollowsTheConvention() throws {
        let kwd = try #require(Currency(code: "KWD"))
        #expect(try MoneyParser().parse("KWD 1.234").get() == Money(minorUnits: 1234, currency: kwd))
        #expect(
            try MoneyParser(decimalComma: true).parse("KWD 1.234").get() == Money(minorUnits: 1_234_000, currency: kwd))
        #expect(try MoneyParser().parse("KWD 1,234").get() == Money(minorUnits: 1_234_000, currency: kwd))
        #expect(try MoneyParser(decimalComma: true).parse("KWD 1,234").get() == Money(minorUnits: 1234, currency: kwd))
    }

    @Test func moreDecimalsThanTheCurrencyHasAreRefusedNeverCut() {
        let eur = Currency.eur
        #expect(MoneyParser().parse("EUR 40.0001") == .failure(.tooPrecise("EUR 40.0001", eur)))
        #expect(MoneyParser().parse("EUR 1.234,567") == .failure(.tooPrecise("EUR 1.234,567", eur)))
        #expect(MoneyParser().parse("1,234.567") == .failure(.tooPrecise("1,234.567", .usd)))
    }
}
