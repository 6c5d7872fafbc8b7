import NeuralCore
import TerminalUI

/// One row per instance of the training set (or of the test set, `t`; or only the wrong ones, `f`): its inputs
/// from the first column scrolled to (Left, Right), target, the live prediction and a right/wrong mark. The
/// marked row (the list's scroll position, its number reversed) is the one Enter puts into the probe.
enum DatasetPane {
    static let columnWidth = 8

    /// How many rows the pane's list holds: every row of the shown set, or its wrong ones.
    static func listCount(_ state: DashboardState) -> Int {
        state.datasetView.wrongOnly ? state.wrongRows?.rows.count ?? 0 : state.datasetRows.count
    }

    /// The shown set's row at `position` in the list.
    static func row(_ state: DashboardState, at position: Int) -> Int {
        state.datasetView.wrongOnly ? state.wrongRows?.rows[position] ?? position : position
    }

    /// The marked row (Enter puts it into the probe), or nil when the list is empty.
    static func markedRow(_ state: DashboardState) -> Int? {
        let count = listCount(state)
        return count > 0 ? row(state, at: min(max(state.datasetScroll, 0), count - 1)) : nil
    }

    /// The rows of the shown set the pane shows for `state` (none when it is not drawn): those the predictions are
    /// made for (`DashboardState.predictions`).
    static func shownRows(_ state: DashboardState) -> [Int] {
        guard let visible = visibleRows(state) else { return [] }
        let count = listCount(state)
        let first = firstRow(state, visible: visible, count: count)
        return (first..<first + min(visible, count - first)).map { row(state, at: $0) }
    }

    /// The shown set's row drawn on screen row `y` (a click there), or nil for the header, the frame or an empty
    /// line.
    static func row(_ state: DashboardState, onScreenRow y: Int) -> Int? {
        let inner = Panel.inner(of: state.layout.dataset)
        let rows = shownRows(state), k = y - inner.y - 1
        return k >= 0 && k < rows.count ? rows[k] : nil
    }

    /// The rows the pane has room for, or nil when it is not drawn.
    static func visibleRows(_ state: DashboardState) -> Int? {
        guard state.size.covers(Layout.minimum) else { return nil }
        let inner = Panel.inner(of: state.layout.dataset)
        guard inner.height >= 1, inner.width >= 8, inner.height - 1 > 0 else { return nil }
        return inner.height - 1
    }

    /// The first position shown when `visible` fit: the scrolled-to one, or fewer if the list ends before the pane.
    private static func firstRow(_ state: DashboardState, visible: Int, count: Int) -> Int {
        max(min(state.datasetScroll, count - visible), 0)
    }

    /// The feature columns shown in `width` cells: from the one scrolled to, and whether some are cut on the
    /// left or the right (each cut shows an ellipsis column).
    static func columns(_ state: DashboardState, width: Int) -> (first: Int, count: Int, left: Bool, right: Bool) {
        let total = state.datasetRows.featureCount
        guard total > 0 else { return (0, 0, false, false) }
        let fixed = fixedWidth(state)
        if (width - fixed) / columnWidth >= total { return (0, total, false, false) }
        let first = min(max(state.datasetView.firstColumn, 0), total - 1)
        let room = width - fixed - (first > 0 ? 2 : 0)
        var count = max(room / columnWidth, 1)
        var right = false
        if first + count < total {
            right = true
            count = max((room - 2) / columnWidth, 1)
        }
        return (first, min(count, total - first), first > 0, right)
    }

    /// The columns for the pane as laid out now.
    static func columns(_ state: DashboardState) -> (first: Int, count: Int, left: Bool, right: Bool) {
        columns(state, width: Panel.inner(of: state.layout.dataset).width)
    }

    /// Room taken by "# ", target and gap ("1  "), prediction and mark ("0.966 ✓"); with text labels, a label
    /// each for the target and the prediction ("no   yes 0.97 ✓").
    private static func fixedWidth(_ state: DashboardState) -> Int {
        let index = max(String(state.datasetRows.count).count, 1) + 1
        guard state.encoding.labels != nil else { return index + 3 + 7 }
        let label = targetWidth(state.encoding)
        return index + label + 2 + label + 7
    }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let data = state.datasetRows, g = state.glyphs, view = state.datasetView
        // The scores are what the title is for: the row count goes first, then the pane's name.
        var title = [RankedItem("Dataset" + (view.showsTest ? " \(g.middleDot) test" : ""), rank: 1)]
        if view.wrongOnly, let wrong = state.wrongRows {
            let of = wrong.judged < data.count ? "the first \(Format.count(wrong.judged))" : Format.count(data.count)
            title.append(RankedItem("\(Format.count(wrong.rows.count)) wrong of \(of)", rank: 0))
        } else {
            title.append(RankedItem(Format.counted(data.count, "row"), rank: 2))
        }
        if state.drawsData { title.append(RankedItem("noise \(Format.short(state.noise))", rank: 0)) }
        // A regression's score is R², not a share right.
        let regression = state.encoding.task == .regression
        func score(_ a: Double) -> String { regression ? Format.fixed(a, decimals: 3) : Format.percent(a) }
        let name = regression ? "R²" : "acc"
        if let a = state.snapshot?.trainingAccuracy { title.append(RankedItem("train \(name) \(score(a))", rank: 0)) }
        if let a = state.snapshot?.testAccuracy { title.append(RankedItem("test \(name) \(score(a))", rank: 0)) }
        let inner = Panel(title: Panel.title(title, width: rect.width, glyphs: g)).draw(
            in: rect, on: &buffer, glyphs: g, theme: state.theme)
        guard inner.height >= 1, inner.width >= 8 else { return }

        let indexWidth = max(String(data.count).count, 1)
        let shown = columns(state, width: inner.width)

        var header = Text.right("#", indexWidth) + " "
        if shown.left { header += g.ellipsis + " " }
        for f in shown.first..<shown.first + shown.count {
            header += Text.left(
                Text.truncate(data.featureNames[f], to: columnWidth - 1, ellipsis: g.ellipsis), columnWidth)
        }
        if shown.right { header += g.ellipsis + " " }
        // Class labels and values take more room than a 0 or 1; texts as much as the longest, up to a limit.
        let targetWidth = targetWidth(state.encoding)
        let showsProbability = state.encoding.task == .binary && state.encoding.labels == nil
        header += Text.left("y", targetWidth) + (showsProbability ? "  p" : "  predicted")
        buffer.write(header, in: inner, row: 0, style: state.theme.heading)

        let visible = inner.height - 1
        guard visible > 0 else { return }
        let count = listCount(state)
        if count == 0, view.wrongOnly {
            let line =
                state.snapshot == nil
                ? "no rows judged before the first snapshot" : "no wrong rows: f shows them all"
            buffer.write(line, in: inner, row: 1, style: state.theme.label)
            return
        }
        let first = firstRow(state, visible: visible, count: count)
        let marked = min(max(state.datasetScroll, 0), count - 1)
        for r in 0..<min(visible, count - first) {
            let i = row(state, at: first + r)
            let values = data.row(i)
            var x = buffer.write(
                Text.right(String(i + 1), indexWidth), in: inner, row: r + 1,
                style: first + r == marked ? Style(.standard, bold: true, reverse: true) : state.theme.label)
            x = buffer.write(" ", x: x, y: inner.y + r + 1, maxWidth: inner.maxX - x)
            if shown.left { x = buffer.write(g.ellipsis + " ", x: x, y: inner.y + r + 1, maxWidth: inner.maxX - x) }
            for f in shown.first..<shown.first + shown.count {
                x = buffer.write(
                    Text.left(fitted(values[values.startIndex + f], width: columnWidth - 1), columnWidth), x: x,
                    y: inner.y + r + 1,
                    maxWidth: inner.maxX - x)
            }
            if shown.right { x = buffer.write(g.ellipsis + " ", x: x, y: inner.y + r + 1, maxWidth: inner.maxX - x) }
            let target = data.isLabelled ? data.targets[i] : .nan
            x = buffer.write(
                Text.left(
                    data.isLabelled
                        ? Text.truncate(targetText(target, state.encoding), to: targetWidth, ellipsis: g.ellipsis)
                        : "?", targetWidth), x: x,
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
            func labelled(_ k: Int, _ p: Double) -> String {
                let label = Text.truncate(state.encoding.label(ofClass: k), to: targetWidth, ellipsis: g.ellipsis)
                return "\(label) \(Format.fixed(p, decimals: 2))"
            }
            switch state.encoding.task {
            // Text labels: the predicted one with its probability, as for multiclass.
            case .binary:
                shown = showsProbability ? Format.fixed(p, decimals: 3) : labelled(p >= 0.5 ? 1 : 0, max(p, 1 - p))
            case .multiclass: shown = labelled(predictedClass ?? 0, p)
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
        if count > visible {
            let position =
                " \(first + 1)\(g.ellipsis)\(first + min(visible, count - first)) of \(Format.count(count)) "
            buffer.write(
                position, x: rect.maxX - 1 - position.count - 1, y: rect.maxY - 1, style: state.theme.label,
                maxWidth: rect.width - 2)
        }
    }

    /// The longest target label shown whole.
    static let labelWidth = 8

    /// The y column's width: a 0 or 1, a class label (its text, up to `labelWidth`), or a value.
    static func targetWidth(_ encoding: TargetEncoding) -> Int {
        guard encoding.labels != nil else { return encoding.task == .binary ? 1 : 7 }
        return min(max(encoding.classLabels.map(\.count).max() ?? 1, 1), labelWidth)
    }

    /// A target as the user's data has it: a class's label, or a regression's value in its own units.
    static func targetText(_ y: Double, _ encoding: TargetEncoding) -> String {
        switch encoding.task {
        case .binary:
            return encoding.labels != nil && y.isFinite ? encoding.label(ofClass: Int(saturating: y)) : Format.short(y)
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
