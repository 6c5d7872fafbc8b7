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
            Panel(title: "Weights & bias").draw(in: rect, on: &buffer, glyphs: g, theme: state.theme)
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
            in: rect, on: &buffer, glyphs: g, theme: state.theme)
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
            let x = buffer.write(line, x: inner.x, y: inner.y + r, maxX: inner.maxX)
            if x >= inner.maxX, line.count > 1 {
                buffer.put(
                    g.ellipsis.unicodeScalars.first!, x: inner.maxX - 1, y: inner.y + r, style: state.theme.label)
            }
        }
        guard footer, shown >= 0 else { return }
        if focused {
            buffer.write(view.selection(), x: inner.x, y: inner.y + shown, maxX: inner.maxX)
        } else {
            buffer.write(
                "\(g.ellipsis) \(total - shown) more lines (W, then the arrows, scroll)", in: inner, row: shown,
                style: state.theme.label)
        }
    }

    /// A piece of a line in one style.
    struct Span {
        var text: String
        var style: Style
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

extension Buffer {
    /// A line of spans written from (x, y) on, cut at `maxX`; returns where the next would start.
    @discardableResult
    mutating func write(_ spans: [WeightsPane.Span], x: Int, y: Int, maxX: Int) -> Int {
        var x = x
        for span in spans { x = write(span.text, x: x, y: y, style: span.style, maxWidth: maxX - x) }
        return x
    }
}
