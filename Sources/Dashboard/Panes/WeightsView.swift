import NeuralCore
import TerminalUI

extension WeightsPane {
    /// What one frame of the pane shows, line by line on demand.
    struct View {
        let network: Network
        let previous: [Double]?
        let step: ParameterStep?
        let glyphs: GlyphSet
        let cursor: WeightsCursor
        let focused: Bool
        let names: [String]
        let saturation: [Int]?
        let width: Int
        var theme = Theme.dark

        var selectedIndex: Int { cursor.parameterIndex(sizes: network.sizes, offsets: network.offsets) }

        /// Line `k` of the whole list.
        func line(_ k: Int) -> [Span] {
            if WeightsPane.usesSingleView(network.sizes) { return single(k) }
            var rest = k
            for l in 0..<network.layerCount {
                if rest == 0 { return heading(l) }
                if rest <= network.sizes[l + 1] { return unitLine(layer: l, unit: rest - 1) }
                rest -= 1 + network.sizes[l + 1]
            }
            return []
        }

        private func change(_ index: Int) -> Span {
            guard let previous else { return Span(text: " ", style: theme.label) }
            let now = network.parameters[index], before = previous[index]
            if now > before { return Span(text: String(glyphs.rise), style: theme.positive) }
            if now < before { return Span(text: String(glyphs.fall), style: theme.negative) }
            return Span(text: " ", style: theme.label)
        }

        private func valueStyle(_ index: Int) -> Style {
            focused && index == selectedIndex ? theme.focusedField : theme.signed(network.parameters[index])
        }

        /// The gradient the last step gave parameter `index`, if there is a last step.
        private func gradient(_ index: Int) -> Double? { lastStep(index, \.weightGradient, \.biasGradient) }
        /// The change the last step made to parameter `index`.
        private func update(_ index: Int) -> Double? { lastStep(index, \.weightUpdate, \.biasUpdate) }

        private func lastStep(
            _ index: Int, _ weights: KeyPath<LayerStep, [Double]>, _ biases: KeyPath<LayerStep, [Double]>
        ) -> Double? {
            guard let step else { return nil }
            var start = 0
            for layer in step.layers {
                let count = layer.units * layer.fanIn
                if index < start + count { return layer[keyPath: weights][index - start] }
                if index < start + count + layer.units { return layer[keyPath: biases][index - start - count] }
                start += count + layer.units
            }
            return nil
        }

        /// The tutorial's view: `w1 (x1)   1.4500 ▲` per weight, then `b`, each with its last gradient.
        private func single(_ i: Int) -> [Span] {
            let n = network.inputCount
            let labelWidth = String(n).count + 1
            let value = network.parameters[i]
            var line = [
                Span(text: Text.left(i < n ? "w\(i + 1)" : "b", labelWidth) + " ", style: theme.heading),
                Span(text: Text.right(tenWide(value), 10), style: valueStyle(i)),
                Span(text: " ", style: theme.label), change(i)
            ]
            if i < n, i < names.count { line.append(Span(text: "  input \(names[i])", style: theme.label)) }
            if i == n { line.append(Span(text: "  bias", style: theme.label)) }
            if let g = gradient(i) { line.append(Span(text: "  g \(Format.short(g, digits: 3))", style: theme.label)) }
            return line
        }

        private func layerName(_ l: Int) -> String { l == network.layerCount - 1 ? "output" : "hidden \(l + 1)" }

        /// `hidden 1: 30×16 tanh · |g| 0.012 · Δ/w 0.0011 · sat 3/16`, and where the columns start when scrolled.
        private func heading(_ l: Int) -> [Span] {
            let fanIn = network.sizes[l], units = network.sizes[l + 1], dot = glyphs.middleDot
            var text = "\(layerName(l)): \(fanIn)\(glyphs.times)\(units) \(network.activation(layer: l).rawValue)"
            if let layer = step?.layers[l] {
                let norm = glyphs == .ascii ? "|g|" : "‖g‖", ratio = glyphs == .ascii ? "upd/w" : "Δ/w"
                text += " \(dot) \(norm) \(Format.short(layer.gradientNorm, digits: 2))"
                text += " \(dot) \(ratio) \(Format.short(layer.updateNorm / layerNorm(l), digits: 2))"
            }
            let activation = network.activation(layer: l)
            if let saturation, l < saturation.count, activation == .sigmoid || activation == .tanh {
                text += " \(dot) sat \(saturation[l])/\(units)"
            }
            let first = firstInput(layer: l)
            if first > 0 { text += " \(dot) from x\(first + 1)" }
            return [Span(text: text, style: theme.heading)]
        }

        /// √(Σ θ²) over layer `l`'s weights and biases (1 when all are 0, so the ratio stays finite).
        private func layerNorm(_ l: Int) -> Double {
            let start = network.offsets[l], end = start + network.sizes[l + 1] * (network.sizes[l] + 1)
            var sum = 0.0
            for k in start..<end { sum += network.parameters[k] * network.parameters[k] }
            return sum > 0 ? sum.squareRoot() : 1
        }

        /// Weights a unit line has room for, in whole.
        private func fitting(layer l: Int) -> Int {
            let prefix = String(network.sizes[l + 1]).count + 1 + 10
            return max((width - prefix) / 7, 1)
        }

        /// The first input shown in layer `l`'s lines: from 0, or far enough on that the cursor's is shown.
        private func firstInput(layer l: Int) -> Int {
            guard cursor.layer == l, cursor.column > 0 else { return 0 }
            return max(cursor.column - fitting(layer: l), 0)
        }

        /// `u3 b+0.12▲ │ +1.20▲ -0.30▼ …`: the bias, then the weights from `firstInput` on, as many as fit and one
        /// more to be cut with an ellipsis.
        private func unitLine(layer l: Int, unit j: Int) -> [Span] {
            let fanIn = network.sizes[l], units = network.sizes[l + 1]
            let w = network.offsets[l], b = w + fanIn * units
            let unitWidth = String(units).count + 1
            var line = [Span(text: Text.left("u\(j + 1)", unitWidth) + " b", style: theme.label)]
            line.append(Span(text: compact(network.parameters[b + j]), style: valueStyle(b + j)))
            line.append(change(b + j))
            line.append(Span(text: " \(glyphs.vertical)", style: theme.label))
            let first = firstInput(layer: l)
            for i in first..<min(fanIn, first + fitting(layer: l) + 1) {
                let k = w + j * fanIn + i
                line.append(Span(text: " ", style: theme.label))
                line.append(Span(text: compact(network.parameters[k]), style: valueStyle(k)))
                line.append(change(k))
            }
            return line
        }

        /// The last line while the pane has focus: the selected parameter whole, its gradient and last update.
        func selection() -> [Span] {
            let k = selectedIndex, dot = glyphs.middleDot
            let single = WeightsPane.usesSingleView(network.sizes)
            let input = cursor.column == 0 ? "b" : "w\(cursor.column)"
            let name = single ? input : "\(layerName(cursor.layer)) u\(cursor.unit + 1) \(input)"
            var text = "\(name) \(Format.short(network.parameters[k], digits: 7))"
            if let g = gradient(k), let u = update(k) {
                text += " \(dot) g \(Format.short(g, digits: 3)) \(dot) \(glyphs == .ascii ? "upd" : "Δ") "
                text += Format.short(u, digits: 3)
            } else {
                text += " \(dot) no step yet (n or X steps)"
            }
            return [Span(text: text, style: theme.heading)]
        }
    }
}
