extension ONNXModel {
    /// One of the graph's inputs or outputs: its name, whether it holds texts (else float64), and its columns:
    /// its shape is [N, columns].
    public struct Port: Sendable, Equatable {
        public var name: String
        public var isText: Bool
        public var columns: Int

        /// Its element type as ONNX's runtimes name it: double or string.
        public var typeName: String { isText ? "string" : "double" }
    }

    /// The graph's inputs: one a column when it takes columns (texts for the categories), else `input`.
    public var inputPorts: [Port] {
        guard takesColumns, let columns else { return [Port(name: Self.inputName, isText: false, columns: inputWidth)] }
        return zip(columns.columns, inputNames).map { Port(name: $1, isText: $0.isCategory, columns: 1) }
    }

    /// The graph's outputs: `output`, and `label` when the classes have text labels.
    public var outputPorts: [Port] {
        [Port(name: Self.outputName, isText: false, columns: outputWidth)]
            + (classNames == nil ? [] : [Port(name: Self.labelName, isText: true, columns: 1)])
    }
}
