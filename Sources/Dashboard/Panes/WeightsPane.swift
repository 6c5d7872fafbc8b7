import NeuralCore
import TerminalUI

/// Every parameter's live value, coloured by sign, with ▲/▼ for its change since the last frame. The
/// tutorial's single unit reads w1, w2, b; deeper networks show one line per unit, layer by layer, each layer's
/// heading with the last step's gradient norm, its update-to-weight ratio and its saturated units. A network
/// larger than the pane scrolls: W gives the pane the arrows (a unit, an input), PgUp/PgDn (a layer), Home/End
/// (the first layer, the output layer), and the last line then reads out the selected parameter whole.
enum WeightsPane {
    /// Whether a network of `sizes` is listed one parameter a line: one output unit and no hidden layer.
    static func usesSingleView(_ sizes: [Int]) -> Bool { sizes.count == 2 && sizes[1] == 1 }

    /// Lines the pane needs to show every parameter of `network` (without its border).
    static func rows(for sizes: [Int]) -> Int {
        usesSingleView(sizes) ? sizes[0] + 1 : zip(sizes, sizes.dropFirst()).reduce(0) { $0 + 1 + $1.1 }
    }

    /// The hidden layers' saturated units, on as many rows as the frame's share pays for (none for a network
    /// without hidden layers, or too large to judge on at least eight rows).
    static func saturation(_ network: Network, training: Dataset) -> Saturation? {
        guard network.layerCount > 1 else { return nil }
        let rows = FrameBudget.passes(FrameBudget.saturation, of: network)
        guard rows >= 8 else { return nil }
        return Saturation(of: network, on: training, rowLimit: rows)
    }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        let focused = state.focus == .weights
        guard let snapshot = state.snapshot else {
            Panel(title: "Weights & bias").draw(in: rect, on: &buffer, glyphs: g)
            return
        }
        let network = snapshot.network
        let shape = network.sizes.map(String.init).joined(separator: "-")
        // The shape and the penalty are kept longest, the parameter count goes first.
        var title = [
            RankedItem("Weights & bias", rank: 2), RankedItem(shape, rank: 0),
            RankedItem("\(network.parameters.count) parameters", rank: 3), RankedItem(snapshot.loss.rawValue, rank: 1)
        ]
        if snapshot.regularization != .none {
            title.append(
                RankedItem(
                    "\(snapshot.regularization.rawValue.uppercased()) \(Format.short(snapshot.regularizationRate))",
                    rank: 0))
        }
        let inner = Panel(title: Panel.title(title, width: rect.width, glyphs: g), focused: focused).draw(
            in: rect, on: &buffer, glyphs: g)
        guard !inner.isEmpty else { return }
        let view = View(
            network: network,
            previous: state.previousParameters.flatMap {
                $0.count == network.parameters.count ? $0 : nil
            },
            step: snapshot.lastStep.flatMap { $0.fits(network.sizes) ? $0 : nil }, glyphs: g,
            cursor: state.weightsCursor.clamped(to: network.sizes), focused: focused,
            names: state.featureMap.map { $0.features.map(\.rawValue) } ?? state.training.featureNames,
            saturation: state.saturation.flatMap { $0.perLayer.count == network.layerCount - 1 ? $0.perLayer : nil },
            width: inner.width, theme: state.theme)
        // Only what is on screen is formatted: a frame costs what is shown, not what the network holds.
        let total = rows(for: network.sizes)
        let footer = focused || total > inner.height
        let shown = min(total, footer ? inner.height - 1 : inner.height)
        let top = total <= shown ? 0 : min(max(view.cursor.line(sizes: network.sizes) - shown / 2, 0), total - shown)
        for r in 0..<max(shown, 0) {
            let line = view.line(top + r)
            var x = inner.x
            for span in line {
                x = buffer.write(span.text, x: x, y: inner.y + r, style: span.style, maxWidth: inner.maxX - x)
            }
            if x >= inner.maxX, line.count > 1 {
                buffer.put(
                    g.ellipsis.unicodeScalars.first!, x: inner.maxX - 1, y: inner.y + r, style: state.theme.label)
            }
        }
        guard footer, shown >= 0 else { return }
        if focused {
            var x = inner.x
            for span in view.selection() {
                x = buffer.write(span.text, x: x, y: inner.y + shown, style: span.style, maxWidth: inner.maxX - x)
            }
        } else {
            buffer.write(
                "\(g.ellipsis) \(total - shown) more lines (W, then the arrows, scroll)", in: inner, row: shown,
                style: state.theme.label)
        }
    }

    struct Span {
        var text: String
        var style: Style
    }

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
                text += " \(dot) no step yet (n or E steps)"
            }
            return [Span(text: text, style: theme.heading)]
        }
    }

    /// A value in at most ten characters: four decimals when they fit, else four significant digits (a large
    /// weight was cut from the left, its sign and leading digits lost).
    static func tenWide(_ x: Double) -> String {
        let fixed = Format.fixed(x, decimals: 4)
        return fixed.count <= 10 ? fixed : Format.short(x)
    }

    /// A signed value in five or six characters: +1.20, -12.3, +1e+04.
    static func compact(_ x: Double) -> String {
        guard x.isFinite else { return Text.right(Format.short(x), 5) }
        let m = abs(x)
        if m < 9.995 { return Format.signed(x, decimals: 2) }
        if m < 99.95 { return Format.signed(x, decimals: 1) }
        if m < 9_999.5 { return Text.right(Format.signed(x, decimals: 0), 5) }
        return Format.exponent(x)
    }
}
