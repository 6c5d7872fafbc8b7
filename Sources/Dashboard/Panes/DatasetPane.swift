import NeuralCore
import TerminalUI

/// One row per training instance: its inputs, target, the live prediction and a right/wrong mark.
enum DatasetPane {
    /// The training rows the pane shows for `state` (none when it is not drawn): those the predictions are made
    /// for (`DashboardState.predictions`).
    static func shownRows(_ state: DashboardState) -> Range<Int> {
        guard state.size.covers(Layout.minimum) else { return 0..<0 }
        let inner = Panel.inner(of: state.layout.dataset)
        guard inner.height >= 1, inner.width >= 8, inner.height - 1 > 0 else { return 0..<0 }
        let visible = inner.height - 1, count = state.training.count
        let first = firstRow(state, visible: visible)
        return first..<first + min(visible, count - first)
    }

    /// The first row shown when `visible` fit: the scrolled-to one, or fewer if the data end before the pane.
    private static func firstRow(_ state: DashboardState, visible: Int) -> Int {
        min(state.datasetScroll, max(state.training.count - visible, 0))
    }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let data = state.training, g = state.glyphs
        // The scores are what the title is for: the row count goes first, then the pane's name.
        var title = [RankedItem("Dataset", rank: 1), RankedItem("\(Format.count(data.count)) rows", rank: 2)]
        // A regression's score is R², not a share right.
        let regression = state.encoding.task == .regression
        func score(_ a: Double) -> String { regression ? Format.fixed(a, decimals: 3) : Format.percent(a) }
        let name = regression ? "R²" : "acc"
        if let a = state.snapshot?.trainingAccuracy { title.append(RankedItem("train \(name) \(score(a))", rank: 0)) }
        if let a = state.snapshot?.testAccuracy { title.append(RankedItem("test \(name) \(score(a))", rank: 0)) }
        let inner = Panel(title: Panel.title(title, width: rect.width, glyphs: g)).draw(
            in: rect, on: &buffer, glyphs: g)
        guard inner.height >= 1, inner.width >= 8 else { return }

        let indexWidth = max(String(data.count).count, 1)
        let columnWidth = 8
        // Room left after "# ", target and gap ("1  "), prediction and mark ("0.966 ✓").
        let fixed = indexWidth + 1 + 3 + 7
        var shownFeatures = min(data.featureCount, max((inner.width - fixed) / columnWidth, 1))
        // A cut shows an ellipsis column too.
        if shownFeatures < data.featureCount { shownFeatures = max((inner.width - fixed - 2) / columnWidth, 1) }
        let cut = shownFeatures < data.featureCount

        var header = Text.right("#", indexWidth) + " "
        for f in 0..<shownFeatures {
            header += Text.left(
                Text.truncate(data.featureNames[f], to: columnWidth - 1, ellipsis: g.ellipsis), columnWidth)
        }
        if cut { header += g.ellipsis + " " }
        // Class labels and values take more room than a 0 or 1.
        let targetWidth = state.encoding.task == .binary ? 1 : 7
        header += Text.left("y", targetWidth) + (state.encoding.task == .binary ? "  p" : "  predicted")
        buffer.write(header, in: inner, row: 0, style: state.theme.heading)

        let visible = inner.height - 1
        guard visible > 0 else { return }
        let first = firstRow(state, visible: visible)
        for r in 0..<min(visible, data.count - first) {
            let i = first + r
            let row = data.row(i)
            var x = buffer.write(
                Text.right(String(i + 1), indexWidth) + " ", in: inner, row: r + 1, style: state.theme.label)
            for f in 0..<shownFeatures {
                x = buffer.write(
                    Text.left(fitted(row[row.startIndex + f], width: columnWidth - 1), columnWidth), x: x,
                    y: inner.y + r + 1,
                    maxWidth: inner.maxX - x)
            }
            if cut { x = buffer.write(g.ellipsis + " ", x: x, y: inner.y + r + 1, maxWidth: inner.maxX - x) }
            let target = data.isLabelled ? data.targets[i] : .nan
            x = buffer.write(
                Text.left(data.isLabelled ? targetText(target, state.encoding) : "?", targetWidth), x: x,
                y: inner.y + r + 1,
                maxWidth: inner.maxX - x)
            x += 2
            guard state.snapshot != nil else { continue }
            // Rows past the frame's share of forward passes show no prediction.
            guard let p = state.predictions.value(row: i) else {
                buffer.write(g.ellipsis, x: x, y: inner.y + r + 1, style: state.theme.label, maxWidth: inner.maxX - x)
                continue
            }
            let predictedClass = state.predictions.predictedClass(row: i)
            let shown: String
            switch state.encoding.task {
            case .binary: shown = Format.fixed(p, decimals: 3)
            case .multiclass:
                shown = "\(state.encoding.label(ofClass: predictedClass ?? 0)) \(Format.fixed(p, decimals: 2))"
            case .regression: shown = fitted(p, width: 7)
            }
            x = buffer.write(shown, x: x, y: inner.y + r + 1, maxWidth: inner.maxX - x)
            if data.isLabelled, p.isFinite, state.encoding.task != .regression {
                let correct =
                    state.encoding.task == .binary
                    ? (p >= 0.5 ? 1.0 : 0.0) == target : Double(predictedClass ?? -1) == target
                buffer.put(
                    correct ? g.right : g.wrong, x: x + 1, y: inner.y + r + 1,
                    style: correct ? state.theme.right : state.theme.wrong, clip: inner)
            }
        }
        if data.count > visible {
            let position =
                " \(first + 1)\(g.ellipsis)\(first + min(visible, data.count - first)) of \(Format.count(data.count)) "
            buffer.write(
                position, x: rect.maxX - 1 - position.count - 1, y: rect.maxY - 1, style: state.theme.label,
                maxWidth: rect.width - 2)
        }
    }

    /// A target as the user's data has it: a class's label, or a regression's value in its own units.
    static func targetText(_ y: Double, _ encoding: TargetEncoding) -> String {
        switch encoding.task {
        case .binary: return Format.short(y)
        case .multiclass: return y.isFinite ? encoding.label(ofClass: Int(y)) : "?"
        case .regression: return fitted(y, width: 7)
        }
    }

    /// `x` in at most `width` characters, with fewer significant digits if need be (never a cut-off exponent).
    static func fitted(_ x: Double, width: Int) -> String {
        for digits in stride(from: 4, to: 1, by: -1) {
            let text = Format.short(x, digits: digits)
            if text.count <= width { return text }
        }
        return Format.short(x, digits: 1)
    }
}
