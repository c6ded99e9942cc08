/// Normalised keys for matching words people type in different ways.
enum TextKey {
    /// Lower-cased letters and digits only: `"Closed - Won"` and `"closedwon"` give the same key.
    static func squashed(_ text: String) -> String {
        var key = ""
        key.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.lowercased().unicodeScalars {
            if scalar.value < 0x80 {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { key.unicodeScalars.append(scalar) }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                key.unicodeScalars.append(scalar)
            }
        }
        return key
    }

    /// Lower-cased, with runs of white space folded to one space and the ends trimmed: for names.
    static func folded(_ text: String) -> String {
        var key = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isSpace {
                pendingSpace = !key.isEmpty
            } else {
                if pendingSpace { key.unicodeScalars.append(" ") }
                key.unicodeScalars.append(scalar)
                pendingSpace = false
            }
        }
        return key
    }
}
