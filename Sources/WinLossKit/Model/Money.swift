/// An exact amount of one currency, held as an integer count of its minor unit (cents for USD).
///
/// Never a floating-point number: `0.1 + 0.2` must stay `0.30`, and a sum over a hundred thousand deals must
/// come out to the cent.
public struct Money: Hashable, Sendable {
    /// The amount in the currency's minor unit: 1234 is USD 12.34, and JPY 1234.
    package let minorUnits: Int64
    package let currency: Currency

    package init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The amount in major units as exact decimal text without grouping, `12500.00`: for CSV and JSON.
    package var decimalText: String {
        let digits = currency.minorUnitDigits
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(magnitude) }
        let scale = UInt64(powerOfTen(digits))
        let fraction = String(magnitude % scale)
        return sign + String(magnitude / scale) + "." + String(repeating: "0", count: digits - fraction.count)
            + fraction
    }

    /// For people: `USD 12,500.00`, with the code first so that no symbol is ambiguous.
    package var formatted: String {
        let plain = decimalText
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return "\(currency.code) \(negative ? "-" : "")\(grouped)\(fraction)"
    }
}

extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, currency
    }

    /// Encoded as `{"amount": "12500.00", "currency": "USD"}`: the amount is a string so that no JSON reader
    /// turns it into a binary floating-point number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decimalText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        switch MoneyParser(defaultCurrency: currency).parse(text) {
        case .success(let money) where money.currency == currency:
            self = money
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: "not an exact amount of \(currency.code)")
        }
    }
}

/// 10 to the power `exponent`, for the small exponents currencies and magnitude suffixes use (0 to 18).
package func powerOfTen(_ exponent: Int) -> Int64 {
    var value: Int64 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
}
