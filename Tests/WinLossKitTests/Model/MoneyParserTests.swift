import Testing

@testable import WinLossKit

struct MoneyParserTests {
    @Test(arguments: [
        ("12500", "USD 12,500.00"),
        ("$1,234.56", "USD 1,234.56"),
        ("USD 40,000", "USD 40,000.00"),
        ("EUR 40.000,00", "EUR 40,000.00"),
        ("1.234,56 €", "EUR 1,234.56"),
        ("€1.234.567", "EUR 1,234,567.00"),
        ("£12k", "GBP 12,000.00"),
        ("$1.2M", "USD 1,200,000.00"),
        ("250k", "USD 250,000.00"),
        ("1.5 million EUR", "EUR 1,500,000.00"),
        ("JPY 1,000", "JPY 1,000"),
        ("KWD 1.500", "KWD 1.500"),
        ("(1,000.50)", "USD -1,000.50"),
        ("-75", "USD -75.00"),
        ("12,5", "USD 12.50"),
        ("1 234 567,89 EUR", "EUR 1,234,567.89"),
        ("CHF 1'250.00", "CHF 1,250.00"),
        ("US$ 99.99", "USD 99.99"),
        ("12,34,567 INR", "INR 1,234,567.00"),
        ("1000 BRL", "BRL 1,000.00"),
        ("0.10", "USD 0.10"),
    ])
    func readsAmounts(input: String, expected: String) throws {
        let money = try MoneyParser().parse(input).get()
        #expect(money.formatted == expected)
    }

    @Test func aDollarSignTakesADollarDefaultCurrency() throws {
        #expect(try MoneyParser(defaultCurrency: Currency(code: "CAD")!).parse("$500").get().currency.code == "CAD")
        #expect(try MoneyParser(defaultCurrency: .eur).parse("$500").get().currency.code == "USD")
        #expect(try MoneyParser(defaultCurrency: .eur).parse("500").get().currency.code == "EUR")
    }

    @Test func aDecimalCommaSettlesOnlyWhatIsAmbiguous() throws {
        // Two decimals cannot hold three digits: a lone separator before three digits groups thousands either way.
        for decimalComma in [false, true] {
            #expect(try MoneyParser(decimalComma: decimalComma).parse("1,234").get().minorUnits == 123_400)
            #expect(try MoneyParser(decimalComma: decimalComma).parse("1.234").get().minorUnits == 123_400)
        }
        // Three decimals can: the convention decides.
        let kwd = try #require(Currency(code: "KWD"))
        #expect(try MoneyParser(defaultCurrency: kwd, decimalComma: true).parse("1,234").get().minorUnits == 1234)
        #expect(try MoneyParser(defaultCurrency: kwd).parse("1,234").get().minorUnits == 1_234_000)
    }

    @Test(arguments: ["", "abc", "12.500.00", "1,23,4", "1.234,56,78", "12 USDX", "$$5", "1,2345"])
    func refusesWhatIsNotAnAmount(input: String) {
        guard case .failure = MoneyParser().parse(input) else {
            Issue.record("\(input.debugDescription) was accepted")
            return
        }
    }

    @Test func refusesUnknownCurrenciesAndExtraPrecisionAndOverflow() {
        #expect(MoneyParser().parse("100 XYZ") == .failure(.unknownCurrency("XYZ")))
        #expect(MoneyParser().parse("USD 10 EUR") == .failure(.conflictingCurrencies("USD", "EUR")))
        #expect(MoneyParser().parse("JPY 10.5") == .failure(.tooPrecise("JPY 10.5", Currency(code: "JPY")!)))
        #expect(MoneyParser().parse("99999999999999999999") == .failure(.tooLarge("99999999999999999999")))
    }

    @Test func sumsStayExact() throws {
        let parser = MoneyParser()
        let total = try ["0.10", "0.20"].map { try parser.parse($0).get().minorUnits }.reduce(0, +)
        #expect(Money(minorUnits: total, currency: .usd).decimalText == "0.30")
    }

    @Test func decimalTextRoundTrips() throws {
        for text in ["0.05", "-12.30", "1000000.00"] {
            #expect(try MoneyParser().parse(text).get().decimalText == text)
        }
        #expect(Money(minorUnits: 1500, currency: Currency(code: "KWD")!).decimalText == "1.500")
        #expect(Money(minorUnits: 1500, currency: Currency(code: "JPY")!).decimalText == "1500")
    }
}
