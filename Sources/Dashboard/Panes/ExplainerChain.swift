import NeuralCore
import TerminalUI

/// The step explainer's chain: the batch and its first row, each hidden layer's z, a and δ, then the output, the
/// error, its two slopes and δ.
extension ExplainerPane.Lines {
    // MARK: The batch and its first row

    func batch(_ k: Int) -> [Span] {
        let i = trace.instance
        if k == 0 {
            let rows = trace.rows.prefix(12).map { Format.count($0 + 1) }.joined(separator: ", ")
            let more = trace.rows.count > 12 ? ", …" : ""
            if trace.rows.count == 1 { return [heading("row \(rows)"), label(" (a batch of one)")] }
            return [
                heading("batch of \(trace.rows.count): rows \(rows)\(more)"),
                label(" · the first shown")
            ]
        }
        let xs = i.input.prefix(16).map { n($0, 4) }.joined(separator: ", ")
        return [
            plain("x = (\(xs)\(i.input.count > 16 ? ", …" : ""))"), label(" · target "), plain(target(i.target))
        ]
    }

    private func target(_ y: Double) -> String {
        let text = trace.task == .multiclass ? "class \(Format.short(y + 1))" : n(y)
        guard let name = classText(ofTarget: y) else { return text }
        return "\(text) (\(name))"
    }

    /// The text of a class target (the class's index), when the target held texts.
    private func classText(ofTarget y: Double) -> String? {
        guard let labels, trace.task != .regression, y.isFinite else { return nil }
        let k = Int(saturating: y)
        return labels.indices.contains(k) ? Text.truncate(labels[k], to: 20, ellipsis: "…") : nil
    }

    /// An output unit's class: its text when the target held texts, else its number from 1.
    private func className(_ c: Int) -> String {
        guard let labels, labels.indices.contains(c) else { return "class \(c + 1)" }
        return Text.truncate(labels[c], to: 8, ellipsis: "…")
    }

    // MARK: Forward and back

    func hidden(_ l: Int, _ k: Int) -> [Span] {
        let f = trace.hiddenActivation.rawValue
        if k == 0 {
            return [
                heading("hidden \(l + 1) (\(trace.sizes[l + 1]) \(f)): "),
                label("a = \(f)(z), δ = (Σ w·δ above)·\(f)′(z)")
            ]
        }
        let i = trace.instance, j = k - 1
        return [
            label(Text.left("u\(j + 1)", 5)), label("z"), value(i.z[l][j], 13), label("  a"),
            value(i.a[l][j], 13), label("  δ"), value(i.delta[l][j], 13)
        ]
    }

    var outputLines: Int {
        trace.task == .multiclass ? 3 + trace.sizes[trace.sizes.count - 1] : 6
    }

    func output(_ k: Int) -> [Span] {
        let i = trace.instance, last = trace.sizes.count - 2
        let z = i.z[last], a = i.a[last], d = i.delta[last], y = i.target
        if trace.task == .multiclass {
            let classes = a.count
            if k == 0 { return [heading("output (\(classes) classes): "), label("p = softmax(z)")] }
            if k <= classes {
                let c = k - 1
                return [
                    label(Text.left(className(c), 9)), label("z"), value(z[c], 13), label("  p"),
                    value(a[c], 13), label("  δ"), value(d[c], 13)
                ]
            }
            if k == classes + 1 {
                return trace.loss == .crossEntropy
                    ? [plain("E = −ln pₚ = "), value(i.loss, 0)]
                    : [plain("E = Σ(pₖ − tₖ)² = "), value(i.loss, 0)]
            }
            return [
                label(
                    trace.loss == .crossEntropy
                        ? "δ = ∂E/∂z = p − t (t: the target's one-hot)"
                        : "δ = p·(g − Σ g·p), g = 2(p − t) (t: the target's one-hot)")
            ]
        }
        let regression = trace.task == .regression
        let p = regression ? "ŷ" : "p", slopes = i.outputSlopes
        switch k {
        case 0:
            return [heading("output: "), plain("z = \(sum()) = "), value(z[0], 0)]
        case 1:
            return [plain(regression ? "ŷ = z = " : "p = σ(z) = "), value(a[0], 0)]
        case 2:
            let formula =
                regression || trace.loss == .squaredError
                ? "E = (\(p) − y)² = " : "E = −[y·ln p + (1 − y)·ln(1 − p)] = "
            return [
                heading("error: "), plain(formula), value(i.loss, 0),
                label(" (y = \(n(y))\(classText(ofTarget: y).map { ", \($0)" } ?? ""))")
            ]
        case 3:
            let formula = trace.loss == .crossEntropy && !regression ? "(p − y) / (p(1 − p))" : "2(\(p) − y)"
            return [plain("∂E/∂\(p) = \(formula) = "), value(slopes?.loss[0] ?? .nan, 0)]
        case 4:
            return [plain(regression ? "∂ŷ/∂z = 1" : "∂p/∂z = p(1 − p) = ")]
                + (regression ? [] : [value(slopes?.activation[0] ?? .nan, 0)])
        default:
            let formula = trace.loss == .crossEntropy && !regression ? "p − y" : "∂E/∂\(p) · ∂\(p)/∂z"
            return [plain("δ = ∂E/∂z = \(formula) = "), value(d[0], 0)]
        }
    }

    /// z's sum written out for a unit of at most three inputs (`1.45×3 + -0.66×1.5 + 0`), else `w·x + b`.
    private func sum() -> String {
        let last = trace.sizes.count - 2, fanIn = trace.sizes[last]
        guard fanIn <= 3 else { return "w·x + b" }
        let start = trace.offset(layer: last)
        let x = last == 0 ? trace.instance.input : trace.instance.a[last - 1]
        let terms = (0..<fanIn).map { "\(n(trace.before[start + $0], 4))×\(n(x[$0], 4))" }
        return (terms + [n(trace.before[start + fanIn], 4)]).joined(separator: " + ")
    }
}
