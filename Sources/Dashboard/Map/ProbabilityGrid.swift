import NeuralCore

/// The network's probability at the centre of every sample of a `columns` × `rows` grid over a map plane, row
/// 0 at the top. One forward pass per sample, no allocation but the result.
struct ProbabilityGrid {
    let columns: Int
    let rows: Int
    /// Row after row.
    let values: [Double]

    init(network: Network, plane: MapPlane, standardization: Standardization?, columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        guard columns > 0, rows > 0, plane.base.count == network.inputCount else {
            values = []
            return
        }
        let scaled = { (feature: Int, x: Double) -> Double in
            guard let z = standardization else { return x }
            return z.apply(feature: feature, x)
        }
        var input = standardization?.apply(plane.base) ?? plane.base
        let xs = (0..<columns).map { scaled(plane.across, plane.acrossValue(column: $0, of: columns)) }
        let ys = plane.up.map { up in (0..<rows).map { scaled(up, plane.upValue(row: $0, of: rows)) } }
        var pass = ForwardPass(network: network)
        var out = [Double](repeating: 0, count: columns * rows)
        input.withUnsafeMutableBufferPointer { x in
            let p = x.baseAddress!
            for r in 0..<rows {
                if let up = plane.up, let ys { p[up] = ys[r] }
                for c in 0..<columns {
                    p[plane.across] = xs[c]
                    out[r * columns + c] = pass.run(network, input: UnsafePointer(p))
                }
            }
        }
        values = out
    }

    subscript(column c: Int, row r: Int) -> Double { values[r * columns + c] }
}
