import NeuralCore
import TerminalUI
import Training

/// The dashboard's only state transition: a pure function of the state and one event. It returns the
/// commands for the trainer; the caller sends them.
public func update(_ state: inout DashboardState, _ event: DashboardEvent) -> [TrainingCommand] {
    switch event {
    case .snapshot(let snapshot):
        state.previousParameters = state.snapshot?.network.parameters
        state.snapshot = snapshot
        return []
    case .resize(let size):
        state.size = size
        return []
    case .key(let key):
        if key == .control("c") {
            state.quit = true
            return []
        }
        state.notice = nil
        if state.showHelp {
            // Any key closes the help overlay; q still quits.
            state.showHelp = false
            if key == .character("q") { state.quit = true }
            return []
        }
        switch state.focus {
        case .probe(let field): return editProbe(&state, field: field, key: key)
        case .learningRate: return editLearningRate(&state, key: key)
        case .none: return command(&state, key: key)
        }
    }
}

/// Keys outside any text field.
private func command(_ state: inout DashboardState, key: Key) -> [TrainingCommand] {
    let snapshot = state.snapshot
    switch key {
    case .character("q"):
        state.quit = true
    case .character(" "):
        return [snapshot?.state == .running ? .pause : .resume]
    case .character("n"):
        return [.step(1)]
    case .character("+"), .character("="):
        return [.learningRateUp]
    case .character("-"), .character("_"):
        return [.learningRateDown]
    case .character(">"), .character("."):
        return [.setSpeed((snapshot?.speed ?? .unlimited).faster)]
    case .character("<"), .character(","):
        return [.setSpeed((snapshot?.speed ?? .unlimited).slower)]
    case .character("r"):
        return [.reset(newSeed: true)]
    case .character("R"):
        return [.reset(newSeed: false)]
    case .character("L"):
        state.focus = .learningRate
        state.learningRateText = ""
    case .tab:
        state.focus = .probe(0)
    case .backTab:
        state.focus = .probe(max(state.probeTexts.count - 1, 0))
    case .character("?"), .character("h"), .function(1):
        state.showHelp = true
    case .character("l"):
        state.logScale.toggle()
    case .character("w"):
        state.wholeRun.toggle()
    case .up:
        state.datasetScroll = max(state.datasetScroll - 1, 0)
    case .down:
        state.datasetScroll = min(state.datasetScroll + 1, max(state.training.count - 1, 0))
    case .pageUp:
        state.datasetScroll = max(state.datasetScroll - 10, 0)
    case .pageDown:
        state.datasetScroll = min(state.datasetScroll + 10, max(state.training.count - 1, 0))
    case .home:
        state.datasetScroll = 0
    case .end:
        state.datasetScroll = max(state.training.count - 1, 0)
    default:
        break
    }
    return []
}

/// Keys while a probe field has focus: type a number, Tab/Shift-Tab between fields, Esc or Enter out.
private func editProbe(_ state: inout DashboardState, field: Int, key: Key) -> [TrainingCommand] {
    let count = state.probeTexts.count
    switch key {
    case .escape, .enter:
        state.focus = .none
    case .tab, .down:
        state.focus = .probe((field + 1) % count)
    case .backTab, .up:
        state.focus = .probe((field + count - 1) % count)
    case .backspace, .delete:
        if !state.probeTexts[field].isEmpty { state.probeTexts[field].removeLast() }
    case .character(let c) where c.isNumber || "+-.eE".contains(c):
        if state.probeTexts[field].count < 24 { state.probeTexts[field].append(c) }
    case .character(let c) where c.isLetter || c.isPunctuation || c.isSymbol:
        // Kept, so the field can say what is wrong with it rather than swallowing keys silently.
        if state.probeTexts[field].count < 24 { state.probeTexts[field].append(c) }
    default:
        break
    }
    return []
}

/// Keys while typing an exact learning rate: Enter applies it, Esc cancels.
private func editLearningRate(_ state: inout DashboardState, key: Key) -> [TrainingCommand] {
    switch key {
    case .escape:
        state.focus = .none
    case .enter:
        state.focus = .none
        guard let rate = Double(state.learningRateText), rate.isFinite, rate > 0, rate <= 1000 else {
            state.notice = "learning rate must be a number in (0, 1000], got \"\(state.learningRateText)\""
            return []
        }
        return [.setLearningRate(rate)]
    case .backspace, .delete:
        if !state.learningRateText.isEmpty { state.learningRateText.removeLast() }
    case .character(let c) where !c.isWhitespace:
        if state.learningRateText.count < 16 { state.learningRateText.append(c) }
    default:
        break
    }
    return []
}
