extension Int {
    /// `12,345`: counts for people.
    public var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (self < 0 ? "-" : "") + result
    }

    /// `1 deal`, `2 deals`.
    public func counted(_ singular: String, _ plural: String? = nil) -> String {
        "\(grouped) \(self == 1 ? singular : plural ?? singular + "s")"
    }
}

extension Double {
    /// `+2.4`, `-0.7`, and `0.0` for anything that rounds to zero at `decimals` places: a sign that the digits do
    /// not carry (`-0.0`, `+0.0`) would claim a direction the figure does not have.
    func signedText(decimals: Int) -> String {
        let text = String(format: "%+.\(decimals)f", self)
        return text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? String(text.dropFirst()) : text
    }

    /// `0.1234`, `-2.5000`, and never `-0.0000`.
    func decimalText(decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", self)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
            ? String(text.dropFirst()) : text
    }
}
