/// A fully connected feed-forward network: `inputCount` inputs, any number of hidden layers with one shared
/// activation, and an output layer fixed by its `task`: one sigmoid unit (binary, the tutorial's), K softmax units
/// (multiclass) or one linear unit (regression).
///
/// All parameters live in one flat array. Layer `l` (mapping `sizes[l]` units to `sizes[l+1]`) owns a block that
/// starts at `offsets[l]`: first its weights row by row (`weight[j][i]` from input `i` to unit `j`), then its
/// `sizes[l+1]` biases.
public struct Network: Sendable, Equatable {
    /// Units per layer: inputs, each hidden layer, then the outputs.
    public let sizes: [Int]
    public var hiddenActivation: Activation
    public let task: Task
    public var parameters: [Double]
    /// Start of each layer's block in `parameters`.
    public let offsets: [Int]

    public var inputCount: Int { sizes[0] }
    public var layerCount: Int { sizes.count - 1 }
    public var hiddenSizes: [Int] { Array(sizes.dropFirst().dropLast()) }
    /// Units in the output layer: 1, or one per class.
    public var outputCount: Int { sizes[sizes.count - 1] }
    /// Units in all layers after the input, the scratch size a forward pass needs.
    public var unitCount: Int { sizes.dropFirst().reduce(0, +) }

    /// The work of one forward pass in multiply-adds: one per parameter, and about 20 more per unit for its
    /// activation (an exponential or a tanh).
    public var forwardWork: Double { Double(parameters.count + 20 * unitCount) }

    /// A network with the given parameters, checked for shape.
    public init(sizes: [Int], hiddenActivation: Activation, parameters: [Double], task: Task = .binary) {
        precondition(
            sizes.count >= 2 && sizes.allSatisfy { $0 > 0 } && Network.fits(outputs: sizes.last!, task: task),
            "bad layer sizes \(sizes) for \(task)")
        var offsets: [Int] = []
        var next = 0
        for l in 0..<(sizes.count - 1) {
            offsets.append(next)
            next += sizes[l + 1] * (sizes[l] + 1)
        }
        precondition(parameters.count == next, "expected \(next) parameters, got \(parameters.count)")
        self.sizes = sizes
        self.hiddenActivation = hiddenActivation
        self.parameters = parameters
        self.offsets = offsets
        self.task = task
    }

    /// Whether an output layer of `outputs` units suits `task`: one unit, or at least two classes.
    public static func fits(outputs: Int, task: Task) -> Bool {
        task == .multiclass ? outputs >= 2 : outputs == 1
    }

    /// A fresh network with randomly drawn parameters. With no hidden layers this is the tutorial's network:
    /// every weight and the bias drawn from a standard normal. Hidden layers use `hiddenActivation.initialization`
    /// (He for ReLU, Glorot otherwise) with zero biases; the output layer then uses Glorot.
    public init(
        inputCount: Int, hidden: [Int] = [], hiddenActivation: Activation = .sigmoid, task: Task = .binary,
        outputs: Int = 1, generator: inout SeededGenerator
    ) {
        let sizes = [inputCount] + hidden + [outputs]
        var parameters: [Double] = []
        parameters.reserveCapacity(Network.parameterCount(sizes: sizes))
        for l in 0..<(sizes.count - 1) {
            let scheme: Initialization
            if hidden.isEmpty {
                scheme = .standardNormal
            } else if l == sizes.count - 2 {
                scheme = .glorot
            } else {
                scheme = hiddenActivation.initialization
            }
            let scale = scheme.weightScale(fanIn: sizes[l])
            for _ in 0..<(sizes[l] * sizes[l + 1]) { parameters.append(generator.standardNormal() * scale) }
            for _ in 0..<sizes[l + 1] { parameters.append(scheme.drawsBias ? generator.standardNormal() : 0) }
        }
        self.init(sizes: sizes, hiddenActivation: hiddenActivation, parameters: parameters, task: task)
    }

    /// The tutorial's single unit with the given weights and bias.
    public init(weights: [Double], bias: Double) {
        self.init(sizes: [weights.count, 1], hiddenActivation: .sigmoid, parameters: weights + [bias])
    }

    /// A network built from per-layer weight matrices (rows = units) and bias vectors.
    public init?(
        inputCount: Int, hiddenActivation: Activation, weights: [[[Double]]], biases: [[Double]], task: Task = .binary
    ) {
        guard !weights.isEmpty, weights.count == biases.count else { return nil }
        var sizes = [inputCount]
        var parameters: [Double] = []
        for (w, b) in zip(weights, biases) {
            let fanIn = sizes.last!
            guard !w.isEmpty, w.count == b.count, w.allSatisfy({ $0.count == fanIn }) else { return nil }
            sizes.append(w.count)
            parameters += w.joined()
            parameters += b
        }
        guard inputCount > 0, Network.fits(outputs: sizes.last!, task: task) else { return nil }
        self.init(sizes: sizes, hiddenActivation: hiddenActivation, parameters: parameters, task: task)
    }

    public static func parameterCount(sizes: [Int]) -> Int {
        zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.1 * ($1.0 + 1) }
    }

    /// Layer `l`'s weights as rows, one per unit.
    public func weights(layer l: Int) -> [[Double]] {
        let fanIn = sizes[l], units = sizes[l + 1], start = offsets[l]
        return (0..<units).map { j in Array(parameters[(start + j * fanIn)..<(start + (j + 1) * fanIn)]) }
    }

    /// Where layer `l`'s weights lie in `parameters` (its biases follow them).
    @inline(__always)
    public func weightIndices(layer l: Int) -> Range<Int> { offsets[l]..<(offsets[l] + sizes[l] * sizes[l + 1]) }

    /// Layer `l`'s biases.
    public func biases(layer l: Int) -> [Double] {
        let start = weightIndices(layer: l).upperBound
        return Array(parameters[start..<(start + sizes[l + 1])])
    }

    /// The activation applied by layer `l`: the hidden activation, or the task's at the output (a multiclass
    /// output is linear here; `ForwardPass` then takes the softmax of the whole layer).
    @inline(__always)
    public func activation(layer l: Int) -> Activation {
        l == layerCount - 1 ? task.outputActivation : hiddenActivation
    }

    /// The first output for one input: the probability of class 1, the probability of the first class, or the
    /// predicted value (allocates scratch; use `ForwardPass` in loops).
    public func predict(_ input: [Double]) -> Double {
        outputs(input)[0]
    }

    /// Every output for one input: one probability per class for multiclass (allocates; use `ForwardPass` in
    /// loops).
    public func outputs(_ input: [Double]) -> [Double] {
        precondition(input.count == inputCount, "expected \(inputCount) inputs, got \(input.count)")
        var pass = ForwardPass(network: self)
        _ = input.withUnsafeBufferPointer { pass.run(self, input: $0.baseAddress!) }
        return pass.outputs
    }

    /// True when every parameter is a finite number.
    public var isFinite: Bool { parameters.allSatisfy { $0.isFinite } }
}
