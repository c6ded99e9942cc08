extension StringProtocol {
    /// Without white space (any Unicode White_Space, no-break spaces included) at either end.
    ///
    /// Foundation's `trimmingCharacters(in:)` goes through NSString and UTF-16 on Linux; this is called for
    /// every cell of every imported row, and most cells have nothing to trim, so it returns early.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isSpace, !last.isSpace { return String(self) }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isSpace { end = scalars.index(before: end) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<end])
        return String(result)
    }
}

extension Unicode.Scalar {
    /// Unicode White_Space, answered without a property lookup for ASCII.
    @inline(__always)
    var isSpace: Bool {
        value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : properties.isWhitespace
    }
}
