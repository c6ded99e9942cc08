/// Normalised keys for matching words people type in different ways.
enum TextKey {
    /// Lower-cased letters and digits only: `"Closed - Won"` and `"closedwon"` give the same key.
    static func squashed(_ text: String) -> String {
        var key = ""
        key.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// Lower-cased, with runs of white space folded to one space and the ends trimmed: for names.
    static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
