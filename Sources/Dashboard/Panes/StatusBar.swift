import TerminalUI
import Training

/// The bottom line: state word, iteration and limit, measured speed, learning rate, speed setting, key hints
/// (or what is being typed, or a notice).
enum StatusBar {
    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: state.theme.statusBar)
        guard let s = state.snapshot else {
            buffer.write(" starting\(state.glyphs.ellipsis)", in: rect, row: 0, style: state.theme.statusBar)
            return
        }
        let g = state.glyphs
        var x = buffer.write(" \(s.state.rawValue) ", in: rect, row: 0, style: state.theme.state(s.state.rawValue))
        var text = " it \(Format.count(s.iteration))"
        if let limit = s.limit { text += "/\(Format.count(limit))" }
        text += " ep \(Format.short(s.epochs, digits: 3))"
        text += " \(g.vertical) \(Format.rate(s.stepsPerSecond)) it/s \(g.vertical) lr \(Format.short(s.learningRate))"
        text += " \(s.optimizer.kind.rawValue) \(g.vertical) speed \(s.speed)"
        if s.batchSize > 1 { text += " \(g.vertical) batch \(s.batchSize)" }
        if s.reportIntervalAdapted { text += " \(g.vertical) loss every \(Format.count(s.reportInterval)) it" }
        text += " \(g.vertical) "
        // What is being typed, or a notice, takes the place of the figures: it must be readable at any width.
        // News (a file saved, new data) goes where the key hints go when it fits there.
        let newsFits = state.notice.map { !$0.isProblem && x + text.count + $0.text.count <= rect.maxX } ?? false
        if state.focus != .learningRate && (state.notice == nil || newsFits) {
            x = buffer.write(text, x: x, y: rect.y, style: state.theme.statusBar, maxWidth: rect.maxX - x)
        } else {
            x += 1
        }
        if state.focus == .learningRate {
            buffer.write(
                "learning rate: \(state.learningRateText)_  (Enter sets, Esc cancels)", x: x, y: rect.y,
                style: state.theme.statusBar.bolded, maxWidth: rect.maxX - x)
        } else if let notice = state.notice {
            let style = notice.isProblem ? state.theme.alert : state.theme.statusBar.bolded
            buffer.write(notice.text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        } else if s.state == .diverged {
            buffer.write(
                StatusBar.divergence(s, unscaled: state.standardization == nil && state.featuresUnscaled), x: x,
                y: rect.y,
                style: state.theme.alert, maxWidth: rect.maxX - x)
        } else if let diagnosis = state.diagnosis {
            buffer.write(
                diagnosis.hint, x: x, y: rect.y, style: state.theme.hint,
                maxWidth: rect.maxX - x)
        } else {
            // Key hints, as many whole ones as fit.
            let hints = Text.wholeItems(
                KeyTable.hints(running: s.state == .running), separator: "  ", width: rect.maxX - x)
            buffer.write(hints, x: x, y: rect.y, style: state.theme.statusBar, maxWidth: rect.maxX - x)
        }
    }

    /// Why the run diverged and what to try: a lower rate, or standardized features when they are unscaled.
    static func divergence(_ s: Snapshot, unscaled: Bool) -> String {
        let reason = s.divergence?.reason ?? "the loss stopped being a finite number"
        let scaleFix = unscaled
        return "diverged: \(reason); try - (a lower rate)\(scaleFix ? " or S (standardize)" : ""), then space"
    }
}
