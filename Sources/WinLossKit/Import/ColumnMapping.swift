/// Which field each column of a CSV file feeds: from the format's column names, then `--map` options.
struct ColumnMapping: Sendable {
    let format: CRMFormat
    let header: [String]
    /// Column index for each field the file carries.
    private(set) var columns: [ImportField: Int] = [:]
    /// Columns the file has that feed nothing, for the summary.
    private(set) var unused: [String] = []
    /// `columns` for the fixed fields, by ``ImportField/ordinal``.
    private var byOrdinal: [Int?] = []

    /// - Parameters:
    ///   - format: the file's format, or nil to recognise it from the header.
    ///   - overrides: `--map` options, column name to field, applied last.
    init(header: [String], format: CRMFormat?, overrides: [(column: String, field: ImportField)], file: String) throws {
        self.header = header
        self.format = format ?? CRMFormat.detect(header: header)
        let keys = header.map(TextKey.squashed)
        var taken = Set<Int>()
        var ignored = Set<Int>()
        for (field, names) in self.format.columnNames {
            for name in names {
                if let index = keys.firstIndex(of: TextKey.squashed(name)), !taken.contains(index) {
                    columns[field] = index
                    taken.insert(index)
                    break
                }
            }
        }
        // In a mapped file, attr:KEY and account_attr:KEY headers name themselves.
        if self.format == .winloss || self.format == .mapped {
            for (index, name) in header.enumerated() where !taken.contains(index) {
                switch ImportField(name: name) {
                case let field? where field.ordinal == nil && field != .ignore:
                    columns[field] = index
                    taken.insert(index)
                default:
                    break
                }
            }
        }
        for (column, field) in overrides {
            let wanted = column.trimmed
            guard
                let index = header.firstIndex(where: { $0.trimmed == wanted })
                    ?? keys.firstIndex(of: TextKey.squashed(wanted))
            else {
                let names = header.map(\.debugDescription).joined(separator: ", ")
                throw ImportError.badMap(
                    mapping: "\(column)=\(field)",
                    reason: "\(file) has no column \(column.debugDescription); its columns are \(names)")
            }
            // The column feeds only the field it is mapped to.
            columns = columns.filter { $0.value != index }
            if field == .ignore { ignored.insert(index) } else { columns[field] = index }
            taken.insert(index)
        }
        byOrdinal = ImportField.named.map { columns[$0.1] }
        let used = Set(columns.values).union(ignored)
        unused = header.indices.filter { !used.contains($0) && !header[$0].isEmpty }.map { header[$0] }

        var missing: [String] = []
        for (fields, label) in [
            ([ImportField.name], "the deal name"), ([.account], "the account"), ([.rep, .repEmail], "the owner (rep)"),
            ([.decided], "the close date"), ([.stage, .outcome], "the stage or outcome"),
        ] where !fields.contains(where: { columns[$0] != nil }) {
            missing.append(label + " (" + fields.map(\.name).joined(separator: " or ") + ")")
        }
        if !missing.isEmpty {
            throw ImportError.missingColumns(file: file, format: self.format.label, missing: missing, columns: header)
        }
    }

    subscript(field: ImportField) -> Int? {
        if let ordinal = field.ordinal { return byOrdinal[ordinal] }
        return columns[field]
    }

    func has(_ field: ImportField) -> Bool { self[field] != nil }

    func hasAny(_ fields: ImportField...) -> Bool { fields.contains { self[$0] != nil } }

    /// The column's name in the file, for messages.
    func columnName(_ field: ImportField) -> String {
        self[field].map { header[$0] } ?? field.name
    }

    var dealAttributeKeys: [(key: String, column: Int)] {
        columns.compactMap { field, index in
            if case .dealAttribute(let key) = field { return (key, index) }
            return nil
        }.sorted { $0.key < $1.key }
    }

    var accountAttributeKeys: [(key: String, column: Int)] {
        columns.compactMap { field, index in
            if case .accountAttribute(let key) = field { return (key, index) }
            return nil
        }.sorted { $0.key < $1.key }
    }
}
