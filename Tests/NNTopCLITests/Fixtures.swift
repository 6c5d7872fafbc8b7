import Foundation

/// Small data sets and a reference forward pass, written independently of NeuralCore.
enum Fixtures {
    static let xor = "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"

    /// The tutorial's eight points, no header.
    static let tutorial = "3,1.5,0\n2,1,1\n4,1.5,0\n3,4,1\n3.5,0.5,0\n2,0.5,1\n5.5,1,1\n1,1,0\n"

    /// Two features on very different scales (hundreds and thousandths), separable by a line.
    static let scaled = """
        size,ratio,label
        120,0.004,0
        180,0.002,0
        150,0.009,1
        210,0.007,1
        90,0.001,0
        160,0.008,1
        240,0.003,0
        130,0.010,1
        200,0.006,1
        110,0.002,0

        """

    /// The rows of a headered or headerless CSV of numbers (blank lines skipped).
    static func rows(_ csv: String) -> [[Double]] {
        csv.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            let cells = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            return cells.contains(where: { $0 == nil }) ? nil : cells.map { $0! }
        }
    }
}

/// A model file's contents, read with JSONSerialization rather than NeuralCore's decoder.
struct SavedModel {
    var inputs: Int
    var hidden: [Int]
    var activation: String
    var weights: [[[Double]]]
    var biases: [[Double]]
    var mean: [Double]?
    var deviation: [Double]?

    init(path: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        guard let model = object as? [String: Any],
            let inputs = number(model["inputs"]).map({ Int($0) }),
            let hidden = (model["hidden"] as? [Any])?.compactMap({ number($0).map { Int($0) } }),
            let activation = model["activation"] as? String,
            let layers = model["weights"] as? [Any],
            let biases = matrix(model["biases"])
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.inputs = inputs
        self.hidden = hidden
        self.activation = activation
        self.weights = try layers.map { layer in
            guard let m = matrix(layer) else { throw CocoaError(.fileReadCorruptFile) }
            return m
        }
        self.biases = biases
        if let z = model["standardization"] as? [String: Any] {
            mean = (z["mean"] as? [Any])?.compactMap(number)
            deviation = (z["deviation"] as? [Any])?.compactMap(number)
        }
    }

    /// The network's output probability, computed here from the file's numbers: hidden layers use the named
    /// activation, the output unit a sigmoid. With `standardize`, inputs are z-scored with the file's figures first.
    func probability(_ input: [Double], standardize: Bool = true) -> Double {
        var x = input
        if standardize, let mean, let deviation {
            x = zip(zip(x, mean), deviation).map { pair, d in (pair.0 - pair.1) / (d > 0 ? d : 1) }
        }
        for (l, (w, b)) in zip(weights, biases).enumerated() {
            let output = l == weights.count - 1
            x = zip(w, b).map { row, bias in
                let z = zip(row, x).reduce(bias) { $0 + $1.0 * $1.1 }
                if output { return 1 / (1 + exp(-z)) }
                switch activation {
                case "tanh": return tanh(z)
                case "relu": return max(0, z)
                case "linear": return z
                default: return 1 / (1 + exp(-z))
                }
            }
        }
        return x[0]
    }
}
