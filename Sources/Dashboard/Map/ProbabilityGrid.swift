import NeuralCore

/// The network's probability at the centre of every sample of a `columns` × `rows` grid over a map plane, row
/// 0 at the top. One forward pass per sample, no allocation but the result — or, when that many passes would
/// cost more than `passes`, one per block of `block` × `block` samples, each sample taking its block's value.
/// With `strongestClass`, a multiclass network's most probable class and its probability instead
/// (`StrongestClass`).
/// With a `unit` (its index in `ForwardPass.a`), the grid holds that unit's value instead, on the map's 0…1 scale
/// (`UnitScale`): the Network pane's selected unit.
struct ProbabilityGrid {
    let columns: Int
    let rows: Int
    /// The side of the square of samples that share one forward pass (1: every sample has its own).
    let block: Int
    /// Row after row of blocks.
    let values: [Double]

    /// Empty (`isEmpty`) when not even one pass per sample row is allowed.
    init(
        network: Network, plane: MapPlane, standardization: Standardization?, featureMap: FeatureMap? = nil,
        columns: Int, rows: Int, passes: Int = .max, strongestClass: Bool = false,
        unit: (index: Int, scale: UnitScale)? = nil
    ) {
        self.rows = rows
        var block = 1
        while block < max(columns, rows),
            ((columns + block - 1) / block).saturatingMultiplied(by: (rows + block - 1) / block) > passes
        {
            block += 1
        }
        self.block = block
        let blockColumns = (columns + block - 1) / block, blockRows = (rows + block - 1) / block
        self.columns = columns
        let inputs = featureMap?.features.count ?? plane.base.count
        guard columns > 0, rows > 0, inputs == network.inputCount, blockColumns * blockRows <= passes else {
            values = []
            return
        }
        let middle = { (b: Int, count: Int) in min(b * block + block / 2, count - 1) }
        if let featureMap {
            // Inputs made from the point: each sample maps (x1, x2) afresh, then standardizes the whole row.
            var pass = ForwardPass(network: network)
            var out = [Double](repeating: 0, count: blockColumns * blockRows)
            var raw = plane.base
            for r in 0..<blockRows {
                if let up = plane.up { raw[up] = plane.upValue(row: middle(r, rows), of: rows) }
                for c in 0..<blockColumns {
                    raw[plane.across] = plane.acrossValue(column: middle(c, columns), of: columns)
                    let mapped = featureMap.apply(raw)
                    let input = standardization?.apply(mapped) ?? mapped
                    let output = input.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress!) }
                    out[r * blockColumns + c] =
                        unit.map { pass.a[$0.index] } ?? (strongestClass ? Self.strongest(pass, network) : output)
                }
            }
            values = unit.map { $0.scale.shades(out) } ?? out
            return
        }
        let scaled = { (feature: Int, x: Double) -> Double in
            guard let z = standardization else { return x }
            return z.apply(feature: feature, x)
        }
        var input = standardization?.apply(plane.base) ?? plane.base
        // A block's value is its middle sample's.
        let xs = (0..<blockColumns).map {
            scaled(plane.across, plane.acrossValue(column: middle($0, columns), of: columns))
        }
        let ys = plane.up.map { up in (0..<blockRows).map { scaled(up, plane.upValue(row: middle($0, rows), of: rows)) }
        }
        var pass = ForwardPass(network: network)
        var out = [Double](repeating: 0, count: blockColumns * blockRows)
        input.withUnsafeMutableBufferPointer { x in
            let p = x.baseAddress!
            for r in 0..<blockRows {
                if let up = plane.up, let ys { p[up] = ys[r] }
                for c in 0..<blockColumns {
                    p[plane.across] = xs[c]
                    let output = pass.run(network, input: UnsafePointer(p))
                    out[r * blockColumns + c] =
                        unit.map { pass.a[$0.index] } ?? (strongestClass ? Self.strongest(pass, network) : output)
                }
            }
        }
        values = unit.map { $0.scale.shades(out) } ?? out
    }

    /// The most probable class after `pass` ran `network`, and its probability, as one value.
    static func strongest(_ pass: ForwardPass, _ network: Network) -> Double {
        let first = pass.outputOffset, count = network.sizes[network.sizes.count - 1]
        var best = 0
        for k in 1..<max(count, 1) where pass.a[first + k] > pass.a[first + best] { best = k }
        return StrongestClass.encode(best, pass.a[first + best])
    }

    /// True when the network was too large to sample at all.
    var isEmpty: Bool { values.isEmpty }

    subscript(column c: Int, row r: Int) -> Double {
        values[(r / block) * ((columns + block - 1) / block) + c / block]
    }
}
