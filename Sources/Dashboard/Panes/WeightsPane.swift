import NeuralCore
import TerminalUI

/// Every parameter's live value, coloured by sign, with ▲/▼ for its change since the last frame. The
/// tutorial's single unit reads w1, w2, b; deeper networks show one line per unit, layer by layer.
enum WeightsPane {
    /// Lines the pane needs to show every parameter of `network` (without its border).
    static func rows(for sizes: [Int]) -> Int {
        sizes.count == 2 ? sizes[0] + 1 : zip(sizes, sizes.dropFirst()).reduce(0) { $0 + 1 + $1.1 }
    }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        guard let network = state.snapshot?.network else {
            Panel(title: "Weights & bias").draw(in: rect, on: &buffer, glyphs: g)
            return
        }
        let shape = network.sizes.map(String.init).joined(separator: "-")
        // The shape and the penalty are kept longest, the parameter count goes first.
        var title = [
            RankedItem("Weights & bias", rank: 2), RankedItem(shape, rank: 0),
            RankedItem("\(network.parameters.count) parameters", rank: 3)
        ]
        if let s = state.snapshot {
            title.append(RankedItem(s.loss.rawValue, rank: 1))
            if s.regularization != .none {
                title.append(
                    RankedItem(
                        "\(s.regularization.rawValue.uppercased()) \(Format.short(s.regularizationRate))", rank: 0))
            }
        }
        let inner = Panel(title: Panel.title(title, width: rect.width, glyphs: g)).draw(
            in: rect, on: &buffer, glyphs: g)
        guard !inner.isEmpty else { return }
        let previous = state.previousParameters.flatMap { $0.count == network.parameters.count ? $0 : nil }
        // Only what fits is formatted: a frame costs what is on screen, not what the network holds.
        let total = rows(for: network.sizes)
        let shown = total > inner.height ? inner.height - 1 : total
        let lines: [[Span]]
        if network.layerCount == 1 {
            let names = state.featureMap.map { $0.features.map(\.rawValue) } ?? state.training.featureNames
            lines = single(network, names: names, previous: previous, glyphs: g, theme: state.theme, limit: shown)
        } else {
            lines = layered(
                network, previous: previous, glyphs: g, theme: state.theme, limit: shown, width: inner.width)
        }
        for (r, line) in lines.enumerated() {
            var x = inner.x
            for span in line {
                x = buffer.write(span.text, x: x, y: inner.y + r, style: span.style, maxWidth: inner.maxX - x)
            }
            if x >= inner.maxX, line.count > 1 {
                buffer.put(
                    g.ellipsis.unicodeScalars.first!, x: inner.maxX - 1, y: inner.y + r, style: state.theme.label)
            }
        }
        if shown < total {
            buffer.write(
                "\(g.ellipsis) \(total - shown) more lines (a taller terminal shows them)",
                in: inner, row: shown, style: state.theme.label)
        }
    }

    struct Span {
        var text: String
        var style: Style
    }

    private static func change(
        _ index: Int, _ network: Network, _ previous: [Double]?, _ g: GlyphSet, _ theme: Theme
    ) -> Span {
        guard let previous else { return Span(text: " ", style: theme.label) }
        let now = network.parameters[index], before = previous[index]
        if now > before { return Span(text: String(g.rise), style: theme.positive) }
        if now < before { return Span(text: String(g.fall), style: theme.negative) }
        return Span(text: " ", style: theme.label)
    }

    /// The tutorial's view: `w1 (x1)   1.4500 ▲` per weight, then `b`.
    private static func single(
        _ network: Network, names: [String], previous: [Double]?, glyphs g: GlyphSet,
        theme: Theme, limit: Int
    ) -> [[Span]] {
        let n = network.inputCount
        let label = { (i: Int) in i < n ? "w\(i + 1)" : "b" }
        let labelWidth = String(n).count + 1
        return (0..<min(n + 1, max(limit, 0))).map { i in
            let value = network.parameters[i]
            var line = [
                Span(text: Text.left(label(i), labelWidth) + " ", style: theme.heading),
                Span(text: Text.right(tenWide(value), 10) + " ", style: theme.signed(value)),
                change(i, network, previous, g, theme)
            ]
            if i < n, i < names.count { line.append(Span(text: "  input \(names[i])", style: theme.label)) }
            if i == n { line.append(Span(text: "  bias", style: theme.label)) }
            return line
        }
    }

    /// Deeper networks: a heading per layer, then `u3 b+0.12▲ │ +1.20▲ -0.30▼ …` per unit: the first `limit`
    /// lines, each with no more weights than `width` columns can show (each takes at least six).
    private static func layered(
        _ network: Network, previous: [Double]?, glyphs g: GlyphSet, theme: Theme, limit: Int,
        width: Int
    ) -> [[Span]] {
        var lines: [[Span]] = []
        let fitting = max(width, 0) / 6 + 1
        for l in 0..<network.layerCount where lines.count < limit {
            let fanIn = network.sizes[l], units = network.sizes[l + 1]
            let activation = network.activation(layer: l)
            let name = l == network.layerCount - 1 ? "output" : "hidden \(l + 1)"
            lines.append([
                Span(text: "\(name): \(fanIn)\(g.times)\(units) \(activation.rawValue)", style: theme.heading)
            ])
            let w = network.offsets[l], b = w + fanIn * units
            let unitWidth = String(units).count + 1
            for j in 0..<units where lines.count < limit {
                var line = [Span(text: Text.left("u\(j + 1)", unitWidth) + " b", style: theme.label)]
                line.append(
                    Span(text: compact(network.parameters[b + j]), style: theme.signed(network.parameters[b + j])))
                line.append(change(b + j, network, previous, g, theme))
                line.append(Span(text: " \(g.vertical)", style: theme.label))
                for i in 0..<min(fanIn, fitting) {
                    let k = w + j * fanIn + i
                    line.append(
                        Span(text: " " + compact(network.parameters[k]), style: theme.signed(network.parameters[k])))
                    line.append(change(k, network, previous, g, theme))
                }
                lines.append(line)
            }
        }
        return lines
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
