import GRDB

extension QuarterRange {
    /// `quarter(day)`: the quarter of an ISO day (`'2026-08-14'`) as a number, `20263` for 2026Q3 (see
    /// ``QuarterRange/number``); NULL for NULL or for text that does not start with a year and a month. Every
    /// connection of the store has it.
    ///
    /// The schema's own trigger spells the same formula out in SQL, so that the file stays writable by any
    /// SQLite, which would not know this function.
    static let sqlFunction = DatabaseFunction("quarter", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), text.utf8.count >= 7 else { return nil }
        var year = 0
        var month = 0
        for (index, byte) in text.utf8.prefix(7).enumerated() {
            switch index {
            case 0...3 where (0x30...0x39).contains(byte): year = year * 10 + Int(byte - 0x30)
            case 4 where byte == UInt8(ascii: "-"): continue
            case 5...6 where (0x30...0x39).contains(byte): month = month * 10 + Int(byte - 0x30)
            default: return nil
            }
        }
        guard (1...12).contains(month) else { return nil }
        return year * 10 + (month + 2) / 3
    }
}
