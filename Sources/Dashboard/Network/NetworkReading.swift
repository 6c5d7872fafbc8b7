import NeuralCore

/// What the Network pane draws from the network: the value of every input and unit at each sample of a small
/// grid over the map's plane (one forward pass a sample gives them all), and at the probe's point, for the heat
/// strips. Made in `DashboardState.refresh` when the snapshot, the data, the plane, the probe or the maps' size
/// changes, within the frame's share of passes (`FrameBudget.network`), so that drawing only reads it.
struct NetworkReading: Equatable {
    /// Samples of each unit's map, across and down (row 0 at the top); 0 when no maps are drawn.
    let sampleColumns: Int
    let sampleRows: Int
    /// Values a sample: the network's inputs, then its units layer after layer (as `ForwardPass.a`).
    let width: Int
    /// `width` values for each sample, row after row.
    let grid: [Double]
    /// `width` values at the probe's point (the plane's middle while the probe's fields are not numbers); empty
    /// when not even that one pass fits the share, and the strips are drawn blank.
    let point: [Double]

    /// Nil when the network does not take the data's inputs (a new file, before its first snapshot).
    init?(_ state: DashboardState, sampleColumns: Int, sampleRows: Int) {
        guard let network = state.snapshot?.network, network.inputCount == state.networkInputCount else {
            return nil
        }
        let samples = sampleColumns * sampleRows, passes = FrameBudget.passes(FrameBudget.network, of: network)
        let maps = samples > 0 && passes > samples
        self.sampleColumns = maps ? sampleColumns : 0
        self.sampleRows = maps ? sampleRows : 0
        width = network.inputCount + network.unitCount
        var pass = ForwardPass(network: network)
        var values: [Double] = []
        values.reserveCapacity(width * (maps ? samples + 1 : 1))
        func run(_ input: [Double]) {
            input.withUnsafeBufferPointer { _ = pass.run(network, input: $0.baseAddress!) }
            values += input
            values += pass.a
        }
        let plane = state.mapPlane
        if maps {
            for r in 0..<sampleRows {
                for c in 0..<sampleColumns {
                    run(
                        state.networkInput(
                            plane.input(
                                across: plane.acrossValue(column: c, of: sampleColumns),
                                up: plane.upValue(row: r, of: sampleRows))))
                }
            }
        }
        guard passes > 0 else {
            point = []
            grid = []
            return
        }
        var probe = plane.base
        if case .success(let fields) = state.probeInput, fields.count == probe.count { probe = fields }
        run(state.networkInput(probe))
        point = Array(values[(values.count - width)...])
        values.removeLast(width)
        grid = values
    }

    /// Input or unit `node`'s value at sample (c, r).
    func value(column c: Int, row r: Int, node: Int) -> Double { grid[(r * sampleColumns + c) * width + node] }

    /// Where column `column`'s nodes start (0 the inputs, l + 1 the network's layer l).
    static func firstNode(column: Int, sizes: [Int]) -> Int { sizes[0..<column].reduce(0, +) }
}
