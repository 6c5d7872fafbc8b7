import NeuralCore
/// A model file's fields read from its JSON (`JSONValue`), each checked for its type. A field that is missing
/// or of the wrong type is named by its place, as a reader would write it: `missing "weights"`,
/// `bad value at "weights[0][2][1]"`.
extension ModelFile {
    struct FieldError: Error, Equatable {
        let text: String
    }

    init(json: JSONValue) throws(FieldError) {
        let root = Field(value: json, path: "")
        format = try root["format"].string()
        version = try root["version"].int()
        inputs = try root["inputs"].int()
        hidden = try root["hidden"].array { field throws(FieldError) in try field.int() }
        activation = try root["activation"].raw(Activation.self)
        loss = try root["loss"].raw(Loss.self)
        featureNames = try root["feature_names"].array { field throws(FieldError) in try field.string() }
        weights = try root["weights"].array { layer throws(FieldError) in
            try layer.array { unit throws(FieldError) in try unit.numbers() }
        }
        biases = try root["biases"].array { layer throws(FieldError) in try layer.numbers() }
        if let s = root.optional("standardization") {
            standardization = Standardization(mean: try s["mean"].numbers(), deviation: try s["deviation"].numbers())
        } else {
            standardization = nil
        }
        iterations = try root["iterations"].int()
        // Version 1 predates tasks: a binary network, whatever else the file holds. Version 2 says its task.
        guard version >= 2 else {
            task = .binary
            classes = nil
            targetStandardization = nil
            optimizer = nil
            inputFeatures = nil
            columns = nil
            return
        }
        columns = try version >= 3 ? root.optional("columns").map { c throws(FieldError) in try Self.columns(c) } : nil
        inputFeatures = try root.optional("input_features")?.array { f throws(FieldError) in
            try f.raw(InputFeature.self)
        }
        task = try root["task"].raw(Task.self)
        classes = try root.optional("classes")?.numbers()
        if let t = root.optional("target_standardization") {
            targetStandardization = TargetScale(mean: try t["mean"].number(), deviation: try t["deviation"].number())
        } else {
            targetStandardization = nil
        }
        if let o = root.optional("optimizer") {
            optimizer = OptimizerSettings(
                try o["kind"].raw(OptimizerKind.self), momentum: try o["momentum"].number(),
                beta1: try o["beta1"].number(), beta2: try o["beta2"].number(), epsilon: try o["epsilon"].number(),
                rmsDecay: try o["rms_decay"].number())
        } else {
            optimizer = nil
        }
    }

    private static func columns(_ c: Field) throws(FieldError) -> ColumnSchema {
        let columns = try c["columns"].array { column throws(FieldError) in
            let categories = try column.optional("categories")?.array { k throws(FieldError) in try k.string() }
            return ColumnSchema.Column(
                name: try column["name"].string(), categories: categories,
                fillNumber: categories == nil ? try column.optional("fill")?.number() : nil,
                fillCategory: categories != nil ? try column.optional("fill")?.string() : nil)
        }
        return ColumnSchema(
            columns: columns, target: try c.optional("target")?.string(),
            targetLabels: try c.optional("target_labels")?.array { k throws(FieldError) in try k.string() },
            missing: try c.optional("missing")?.raw(MissingPolicy.self))
    }

    /// A value and its place in the file, or the place of a member that is not there.
    private struct Field {
        let value: JSONValue?
        let path: String

        subscript(key: String) -> Field {
            Field(
                value: value?[key],
                path: path.isEmpty ? MessageText.excerpt(key) : "\(path).\(MessageText.excerpt(key))")
        }

        /// The member `key`, or nil when it is absent or null.
        func optional(_ key: String) -> Field? {
            let field = self[key]
            if field.value == nil || field.value == .null { return nil }
            return field
        }

        private func present() throws(FieldError) -> JSONValue {
            guard let value, value != .null else { throw FieldError(text: "missing \"\(path)\"") }
            return value
        }

        private var bad: FieldError { FieldError(text: "bad value at \"\(path)\"") }

        func string() throws(FieldError) -> String {
            guard case .string(let s) = try present() else { throw bad }
            return s
        }

        func number() throws(FieldError) -> Double {
            guard case .number(let x) = try present() else { throw bad }
            return x
        }

        func int() throws(FieldError) -> Int {
            guard case .number(let x) = try present(), x.rounded() == x, x >= -0x1p63, x < 0x1p63 else { throw bad }
            return Int(x)
        }

        func raw<T: RawRepresentable>(_ type: T.Type) throws(FieldError) -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw bad }
            return value
        }

        func numbers() throws(FieldError) -> [Double] {
            switch try present() {
            case .numbers(let xs): return xs
            case .array(let elements) where elements.isEmpty: return []
            case .array(let elements):
                // Not numbers alone: name the first element that is not one.
                let k = elements.firstIndex { if case .number = $0 { false } else { true } } ?? 0
                throw FieldError(text: "bad value at \"\(path)[\(k)]\"")
            default: throw bad
            }
        }

        func array<T>(_ element: (Field) throws(FieldError) -> T) throws(FieldError) -> [T] {
            switch try present() {
            case .array(let elements):
                var out: [T] = []
                out.reserveCapacity(elements.count)
                for (k, e) in elements.enumerated() { out.append(try element(Field(value: e, path: "\(path)[\(k)]"))) }
                return out
            case .numbers(let xs):
                var out: [T] = []
                out.reserveCapacity(xs.count)
                for (k, x) in xs.enumerated() {
                    out.append(try element(Field(value: .number(x), path: "\(path)[\(k)]")))
                }
                return out
            default: throw bad
            }
        }
    }
}
