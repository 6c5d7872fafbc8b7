import NeuralCore
import TerminalUI
import Training

/// The dashboard's only state transition: a pure function of the state and one event. It returns what is to
/// happen outside the state, in order (commands for the trainer, work for the host, quitting); the caller
/// carries it out.
public func update(_ state: inout DashboardState, _ event: DashboardEvent) -> [Effect] {
    switch event {
    case .snapshot(let snapshot):
        // Change marks show training moving; a paused or finished run shows none.
        state.previousParameters =
            snapshot.state == .running
            ? state.snapshot?.network.parameters
            : snapshot.network.parameters
        state.snapshot = snapshot
        return []
    case .resize(let size):
        state.size = size
        return []
    case .data(let training, let test, let standardization, let noise, let featureMap):
        state.replaceData(training: training, test: test, standardization: standardization, featureMap: featureMap)
        state.noise = noise
        return []
    case .notice(let notice):
        state.notice = notice
        return []
    case .noticeExpired:
        state.notice = nil
        return []
    case .key(let key):
        if key == .control("c") { return [.quit] }
        if case .wheel(let x, let y, let up) = key {
            scrollUnderPointer(&state, x: x, y: y, up: up)
            return []
        }
        state.notice = nil
        if state.confusion != nil {
            // Any key closes the confusion matrix, q too (Ctrl-C quits).
            state.confusion = nil
            return []
        }
        if state.showHelp, key == .pageDown || key == .pageUp {
            let pages = HelpOverlay.pages(for: state.size, glyphs: state.glyphs).count
            state.helpPage = min(max(state.helpPage + (key == .pageDown ? 1 : -1), 0), pages - 1)
            return []
        }
        if state.showHelp {
            // Any other key closes the help overlay, q too (Ctrl-C quits).
            state.showHelp = false
            return []
        }
        if state.explainer != nil, let effects = explainerKey(&state, key: key) { return effects }
        switch state.focus {
        case .weights: return moveWeightsCursor(&state, key: key) ?? command(&state, key: key)
        case .probe(let field): return editProbe(&state, field: field, key: key)
        case .learningRate: return editLearningRate(&state, key: key)
        case .map: return moveMapCursor(&state, key: key) ?? command(&state, key: key)
        case .network: return chooseUnit(&state, key: key) ?? command(&state, key: key)
        case .parameter: return editParameter(&state, key: key)
        case .none: return command(&state, key: key)
        }
    }
}

/// The largest batch the b key reaches.
let maximumBatchSize = 4096

/// The batch size the b key turns `size` into: twice as large up to `maximumBatchSize`; a batch already at or
/// above it (from --batch-size) stays as it is, never lowered.
func doubled(_ size: Int) -> Int {
    size >= maximumBatchSize ? size : min(size.saturatingMultiplied(by: 2), maximumBatchSize)
}

/// Keys outside any text field.
private func command(_ state: inout DashboardState, key: Key) -> [Effect] {
    if let effects = datasetKey(&state, key: key) { return effects }
    let snapshot = state.snapshot
    switch key {
    case .character("q"):
        return [.quit]
    case .character(" "):
        return [.command(snapshot?.state == .running ? .pause : .resume)]
    case .character("n"):
        if snapshot?.state == .running {
            state.notice = .news("paused for one step: n steps again, space runs on")
        }
        return [.command(.step(1))]
    case .character("X"):
        return explainStep(&state)
    case .character("W"):
        focusWeights(&state)
    case .character("+"), .character("="):
        return [.command(.learningRateUp)]
    case .character("-"), .character("_"):
        return [.command(.learningRateDown)]
    case .character(">"), .character("."):
        return [.command(.setSpeed((snapshot?.speed ?? .unlimited).faster))]
    case .character("<"), .character(","):
        return [.command(.setSpeed((snapshot?.speed ?? .unlimited).slower))]
    case .character("b"):
        let size = snapshot?.batchSize ?? 1
        guard size < maximumBatchSize else {
            // At or past the most b reaches (a larger --batch-size): said, not silently ignored.
            state.notice = .news(
                "batch \(Format.count(size)): b doubles up to \(Format.count(maximumBatchSize)), B halves")
            break
        }
        let next = doubled(size)
        if next >= state.training.count, size < state.training.count {
            state.notice = .news(
                "batch \(Format.count(next)): at least the \(Format.count(state.training.count)) training rows (full batch)"
            )
        }
        return [.command(.setBatchSize(next))]
    case .character("B"):
        return [.command(.setBatchSize(max((snapshot?.batchSize ?? 1) / 2, 1)))]
    case .character("a"):
        guard let network = snapshot?.network, network.layerCount > 1 else {
            state.notice = .problem("the activation is that of hidden units, and there are none (--hidden 4, say)")
            break
        }
        let all = Activation.allCases
        let next = all[(all.firstIndex(of: network.hiddenActivation)! + 1) % all.count]
        state.notice = .news("activation \(next.rawValue): new weights drawn for it")
        return [.command(.setActivation(next))]
    case .character("c"):
        guard let snapshot else { break }
        guard snapshot.task != .regression else {
            state.notice = .problem("a regression trains with squared error only")
            break
        }
        let next: Loss = snapshot.loss == .squaredError ? .crossEntropy : .squaredError
        state.notice = .news("loss \(next.rawValue): new weights drawn for it")
        return [.command(.setLoss(next))]
    case .character(let digit) where ("1"..."7").contains(digit):
        return toggleFeature(&state, InputFeature.allCases[(digit.wholeNumberValue ?? 1) - 1])
    case .character("C"):
        guard let table = ConfusionTable(state) else {
            state.notice = .problem(
                state.snapshot?.task == .regression
                    ? "a regression has no classes to confuse" : "no confusion matrix before the first snapshot")
            break
        }
        state.confusion = table
    case .character("o"):
        guard let snapshot else { break }
        let next = snapshot.optimizer.kind.next
        state.notice = .news("optimizer \(next.rawValue): its memory starts afresh, the weights carry on")
        return [.command(.setOptimizer(next))]
    case .character("S"):
        guard state.standardization == nil else {
            state.notice = .news("the features are standardized already")
            break
        }
        let z = Standardization(fitting: state.networkInput(state.training))
        state.standardize(by: z)
        state.notice = .news("features standardized in place: the network's function is unchanged, training goes on")
        return [.command(.standardize(z))]
    case .character("N"), .character("["), .character("]"):
        return drawDataKey(&state, key: key)
    case .character("r"), .character("R"):
        // The run starts over at iteration 0, and so does its record: say so, or the chart seems to lose it.
        let same = key == .character("R")
        state.notice = .news(
            "weights reset (\(same ? "same" : "new") seed): a new run from iteration 0, its loss chart starts afresh")
        return [.command(.reset(newSeed: !same))]
    case .character("L"):
        state.focus = .learningRate
        // Pre-filled with the rate now: typing replaces it, Backspace clears it.
        state.learningRateText = snapshot.map { Format.decimal($0.learningRate, digits: 6) } ?? ""
        state.fieldSelected = true
    case .tab:
        state.focus = .probe(0)
        state.fieldSelected = true
    case .backTab:
        state.focus = .probe(max(state.probeTexts.count - 1, 0))
        state.fieldSelected = true
    case .character("?"), .character("h"), .function(1):
        state.showHelp = true
    case .character("l"):
        state.logScale.toggle()
    case .character("w"):
        state.wholeRun.toggle()
    case .character("v"):
        state.smoothing = Smoothing.next(after: state.smoothing)
    case .character("m"):
        if !state.showsMap {
            state.notice = .problem("the decision map is off (map = \"off\" in the config file)")
        } else if state.layout.map == nil {
            state.notice = .problem(
                "the decision map needs a terminal of at least \(Layout.mapMinimum.width)\(state.glyphs.times)\(Layout.mapMinimum.height)"
            )
        } else {
            state.focus = .map
            probeFollowsMapCursor(&state)
        }
    case .character("d"):
        state.discrete.toggle()
    case .character("P"):
        let all = Theme.Palette.allCases
        state.palette = all[(all.firstIndex(of: state.palette)! + 1) % all.count]
        state.notice = .news("palette \(state.palette.rawValue)\(state.palette == .colourBlind ? " (Okabe-Ito)" : "")")
    case .character("T"):
        let all = Theme.Name.allCases
        state.themeName = all[(all.firstIndex(of: state.themeName)! + 1) % all.count]
        state.notice = .news("theme \(state.themeName.rawValue)")
    case .character("s"), .character("e"):
        if state.snapshot == nil {
            state.notice = .problem(
                "nothing to \(key == .character("s") ? "save" : "export") before the first snapshot")
        } else {
            return [.request(key == .character("s") ? .saveModel : .exportHistory)]
        }
    case .character("E"):
        guard state.snapshot != nil else {
            state.notice = .problem("nothing to export as ONNX before the first snapshot")
            break
        }
        return [.request(.exportONNX)]
    case .character("x"), .character("y"):
        chooseMapFeature(&state, across: key == .character("x"))
    case .character("u"):
        enterNetwork(&state)
    case .character("U"):
        toggleNetworkPane(&state)
    case .mouse(let x, let y):
        if let unit = NetworkPane.unit(state, column: x, row: y) {
            select(&state, unit)
            break
        }
        if state.layout.dataset.contains(x: x, y: y) {
            if let row = DatasetPane.row(state, onScreenRow: y) { loadRowIntoProbe(&state, row: row) }
            break
        }
        guard let map = state.layout.map, let area = MapPane.area(inner: map.inset(by: 1)),
            area.contains(x: x, y: y)
        else { break }
        state.mapCursor = (x - area.x, y - area.y)
        state.focus = .map
        probeFollowsMapCursor(&state)
    default:
        break
    }
    return []
}
