import Foundation

/// The one rule for money that cannot stay exact: the nearest minor unit, and a half to the even one (USD 0.125
/// is USD 0.12, USD 0.135 is USD 0.14). Only two figures ever need it: the median of an even count of amounts
/// (the mean of the middle two) and a yearly amount times a fraction of a year. Sums, yearly figures of monthly
/// and quarterly amounts, and whole years stay exact.
extension Money {
    /// The median of two middle amounts: their mean, rounded half to even (USD 0.01 and USD 0.02 give USD 0.02;
    /// USD 0.02 and USD 0.03 give USD 0.02).
    static func midpoint(_ low: Int64, _ high: Int64) -> Int64 {
        let sum = Int128(low) + Int128(high)
        var half = sum / 2
        if sum % 2 != 0, half % 2 != 0 {
            half += sum > 0 ? 1 : -1
        }
        return Int64(clamping: half)
    }

    /// This amount times a number of years: whole years exactly, a fraction rounded half to even; nil when the
    /// product does not fit.
    func times(_ factor: Decimal) -> Money? {
        if factor.magnitude < Decimal(Int64.max) {
            let whole = NSDecimalNumber(decimal: factor).int64Value
            if Decimal(whole) == factor {
                let (product, overflow) = minorUnits.multipliedReportingOverflow(by: whole)
                return overflow ? nil : Money(minorUnits: product, currency: currency)
            }
        }
        var product = Decimal(minorUnits) * factor
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 0, .bankers)
        guard rounded.magnitude <= Decimal(Int64.max) else { return nil }
        return Money(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: currency)
    }
}
