#if canImport(Glibc)
    import Glibc
#endif
import ONNXFormat

/// Runs an ONNX graph of float64 tensors of rank 1 or 2, written from ONNX's operator definitions and not from
/// the exporter: the operators an nntop export uses, each as the spec defines it (with numpy broadcasting for
/// the arithmetic), and a failure for anything else. It checks the graph without Python.
struct GraphInterpreter {
    struct Tensor: Equatable {
        var shape: [Int]
        var values: [Double]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let graph: Onnx_GraphProto

    /// The graph's one output for `rows` fed to its one input.
    func run(_ rows: [[Double]]) throws -> [[Double]] {
        var tensors: [String: Tensor] = [:]
        for t in graph.initializer {
            let values: [Double]
            switch Onnx_TensorProto.DataType(rawValue: Int(t.dataType)) {
            case .double?: values = t.doubleData
            case .int64?: values = t.int64Data.map(Double.init)
            default: throw Failure(description: "initializer \(t.name) has data type \(t.dataType)")
            }
            tensors[t.name] = Tensor(shape: t.dims.map(Int.init), values: values)
        }
        tensors[graph.input[0].name] = Tensor(shape: [rows.count, rows.first?.count ?? 0], values: rows.flatMap { $0 })
        for node in graph.node {
            let inputs = try node.input.map { name in
                guard let t = tensors[name] else {
                    throw Failure(description: "\(node.name) reads \(name) before it is made")
                }
                return t
            }
            tensors[node.output[0]] = try Self.evaluate(node, inputs)
        }
        guard let out = tensors[graph.output[0].name] else { throw Failure(description: "no tensor is the output") }
        guard out.shape.count == 2 else { throw Failure(description: "the output has shape \(out.shape)") }
        let width = out.shape[1]
        return (0..<out.shape[0]).map { Array(out.values[($0 * width)..<(($0 + 1) * width)]) }
    }

    static func attribute(_ node: Onnx_NodeProto, _ name: String) -> Int? {
        node.attribute.first { $0.name == name }.map { Int($0.i) }
    }

    static func evaluate(_ node: Onnx_NodeProto, _ x: [Tensor]) throws -> Tensor {
        switch node.opType {
        case "Add": return try broadcast(x[0], x[1], +)
        case "Sub": return try broadcast(x[0], x[1], -)
        case "Mul": return try broadcast(x[0], x[1], *)
        case "Div": return try broadcast(x[0], x[1], /)
        case "Sin": return Tensor(shape: x[0].shape, values: x[0].values.map { sin($0) })
        case "Relu": return Tensor(shape: x[0].shape, values: x[0].values.map { max($0, 0) })
        case "Tanh": return Tensor(shape: x[0].shape, values: x[0].values.map { tanh($0) })
        case "Sigmoid": return Tensor(shape: x[0].shape, values: x[0].values.map { 1 / (1 + exp(-$0)) })
        case "Gather":
            guard attribute(node, "axis") == 1, x[0].shape.count == 2, x[1].shape.count == 1 else {
                throw Failure(description: "Gather other than columns of a matrix")
            }
            let (n, f) = (x[0].shape[0], x[0].shape[1])
            let picks = x[1].values.map { Int($0) }
            var out: [Double] = []
            for r in 0..<n { for k in picks { out.append(x[0].values[r * f + k]) } }
            return Tensor(shape: [n, picks.count], values: out)
        case "Concat":
            guard attribute(node, "axis") == 1, x.allSatisfy({ $0.shape.count == 2 && $0.shape[0] == x[0].shape[0] })
            else { throw Failure(description: "Concat other than of matrices side by side") }
            let n = x[0].shape[0]
            var out: [Double] = []
            for r in 0..<n {
                for t in x { out += t.values[(r * t.shape[1])..<((r + 1) * t.shape[1])] }
            }
            return Tensor(shape: [n, x.reduce(0) { $0 + $1.shape[1] }], values: out)
        case "Gemm":
            // Y = A · Bᵀ + C, with transB = 1 and no transA, alpha or beta.
            guard attribute(node, "transB") == 1, attribute(node, "transA") ?? 0 == 0,
                !node.attribute.contains(where: { $0.name == "alpha" || $0.name == "beta" })
            else { throw Failure(description: "Gemm other than A·Bᵀ + C") }
            let (a, b, c) = (x[0], x[1], x[2])
            let (n, k, m) = (a.shape[0], a.shape[1], b.shape[0])
            guard b.shape == [m, k], c.shape == [m] else {
                throw Failure(description: "Gemm shapes \(a.shape) \(b.shape) \(c.shape)")
            }
            var out: [Double] = []
            for r in 0..<n {
                for j in 0..<m {
                    var sum = c.values[j]
                    for i in 0..<k { sum += a.values[r * k + i] * b.values[j * k + i] }
                    out.append(sum)
                }
            }
            return Tensor(shape: [n, m], values: out)
        case "Softmax":
            guard attribute(node, "axis") == 1, x[0].shape.count == 2 else {
                throw Failure(description: "Softmax axis")
            }
            let (n, k) = (x[0].shape[0], x[0].shape[1])
            var out: [Double] = []
            for r in 0..<n {
                let row = x[0].values[(r * k)..<((r + 1) * k)]
                let m = row.max()!
                let e = row.map { exp($0 - m) }
                let sum = e.reduce(0, +)
                out += e.map { $0 / sum }
            }
            return Tensor(shape: [n, k], values: out)
        default:
            throw Failure(description: "the operator \(node.opType) is not one an export uses")
        }
    }

    /// `a op b` with numpy broadcasting over rank at most 2.
    static func broadcast(_ a: Tensor, _ b: Tensor, _ op: (Double, Double) -> Double) throws -> Tensor {
        func padded(_ s: [Int]) -> [Int] { Array(repeating: 1, count: 2 - s.count) + s }
        let (sa, sb) = (padded(a.shape), padded(b.shape))
        var shape: [Int] = []
        for d in 0..<2 {
            guard sa[d] == sb[d] || sa[d] == 1 || sb[d] == 1 else {
                throw Failure(description: "shapes \(a.shape) and \(b.shape) do not broadcast")
            }
            shape.append(max(sa[d], sb[d]))
        }
        var out: [Double] = []
        for r in 0..<shape[0] {
            for c in 0..<shape[1] {
                let x = a.values[(sa[0] == 1 ? 0 : r) * sa[1] + (sa[1] == 1 ? 0 : c)]
                let y = b.values[(sb[0] == 1 ? 0 : r) * sb[1] + (sb[1] == 1 ? 0 : c)]
                out.append(op(x, y))
            }
        }
        return Tensor(shape: a.shape.count == 2 || b.shape.count == 2 ? shape : [shape[1]], values: out)
    }
}
