/// An ISO 4217 currency, with the number of decimal places its minor unit has.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three-letter code, upper case: `USD`, `EUR`, `JPY`.
    package let code: String

    /// Accepts an active ISO 4217 code in any letter case; returns nil for anything else, so a typo such as
    /// `USS` is caught instead of becoming a currency of its own.
    public init?(code: some StringProtocol) {
        let upper = code.uppercased()
        guard Currency.minorUnitDigits[upper] != nil else { return nil }
        self.code = upper
    }

    public static let usd = Currency(known: "USD")
    package static let eur = Currency(known: "EUR")
    package static let gbp = Currency(known: "GBP")

    /// Decimal places of the minor unit: 2 for USD, 0 for JPY, 3 for KWD.
    package var minorUnitDigits: Int { Currency.minorUnitDigits[code] ?? 2 }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let currency = Currency(code: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown currency code \(text.debugDescription)")
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    private init(known code: String) { self.code = code }

    /// Active ISO 4217 codes and their minor-unit digits.
    static let minorUnitDigits: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDigits = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF \
            CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF \
            IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR \
            MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD \
            SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR \
            ZMW ZWG
            """
        let zeroDigits = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
        let threeDigits = "BHD IQD JOD KWD LYD OMR TND"
        for (codes, digits) in [(twoDigits, 2), (zeroDigits, 0), (threeDigits, 3)] {
            for code in codes.split(separator: " ") { table[String(code)] = digits }
        }
        return table
    }()
}
