import TerminalUI

/// The weights pane's selected parameter: a layer, one of its units, and a column of that unit's line: 0 its
/// bias, i + 1 its weight from input i. The tutorial's view (one output unit, no hidden layer) lists w1 … wn, b
/// one a line instead, and the cursor walks that list.
public struct WeightsCursor: Sendable, Equatable {
    public var layer = 0
    public var unit = 0
    public var column = 0

    public init(layer: Int = 0, unit: Int = 0, column: Int = 0) {
        self.layer = layer
        self.unit = unit
        self.column = column
    }

    /// The same place within a network of layer `sizes` (the network may have changed shape since).
    func clamped(to sizes: [Int]) -> WeightsCursor {
        let l = min(max(layer, 0), sizes.count - 2)
        return WeightsCursor(
            layer: l, unit: min(max(unit, 0), sizes[l + 1] - 1), column: min(max(column, 0), sizes[l]))
    }

    /// Where the parameter lies in `Network.parameters` for a network with these block `offsets` and `sizes`.
    func parameterIndex(sizes: [Int], offsets: [Int]) -> Int {
        let fanIn = sizes[layer], units = sizes[layer + 1]
        return column == 0 ? offsets[layer] + fanIn * units + unit : offsets[layer] + unit * fanIn + column - 1
    }

    /// The line of the pane the parameter is on, counted from the top of the whole list.
    func line(sizes: [Int]) -> Int {
        if WeightsPane.usesSingleView(sizes) { return column == 0 ? sizes[0] : column - 1 }
        var k = 0
        for l in 0..<layer { k += 1 + sizes[l + 1] }
        return k + 1 + unit
    }

    /// Moves by one key: ↑ ↓ a unit (on into the next layer), ← → an input, PgUp PgDn a layer, Home the first
    /// layer, End the output layer. False for any other key.
    mutating func move(_ key: Key, sizes: [Int]) -> Bool {
        self = clamped(to: sizes)
        if WeightsPane.usesSingleView(sizes) {
            // One list: w1 … wn, then b.
            let n = sizes[0]
            var k = column == 0 ? n : column - 1
            switch key {
            case .up, .left: k -= 1
            case .down, .right: k += 1
            case .pageUp, .home: k = 0
            case .pageDown, .end: k = n
            default: return false
            }
            k = min(max(k, 0), n)
            column = k == n ? 0 : k + 1
            return true
        }
        let last = sizes.count - 2
        switch key {
        case .up:
            if unit > 0 {
                unit -= 1
            } else if layer > 0 {
                layer -= 1
                unit = sizes[layer + 1] - 1
            }
        case .down:
            if unit < sizes[layer + 1] - 1 {
                unit += 1
            } else if layer < last {
                layer += 1
                unit = 0
            }
        case .left: column -= 1
        case .right: column += 1
        case .pageUp: layer -= 1
        case .pageDown: layer += 1
        case .home: (layer, unit) = (0, 0)
        case .end: (layer, unit) = (last, 0)
        default: return false
        }
        self = clamped(to: sizes)
        return true
    }
}
