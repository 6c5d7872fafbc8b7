#if canImport(Glibc)
    import Glibc
#endif
import CLibFuzzer
import Dashboard
import NeuralCore
import TerminalUI
import Training

// One libFuzzer input is a whole dashboard session: a starting state (screen, glyphs, colours, data, network
// and maybe a first snapshot), then a stream of events through the pure `update(&state, event)`, each followed
// by `render(state)`. No event on any state may trap.
//
// The starting state keeps the promises the host (NNTopCLI) keeps, so that a trap is a bug of the dashboard and
// not of the harness: at least one labelled training row; test data (possibly of no rows) with the training
// data's features; a standardization of that width with finite means and deviations ≥ 0; every snapshot's
// network as wide as the data. Within those promises every value is as extreme as the types allow: screens from
// 0×0 to 512×256, up to 40 features of ±1e308, subnormals and zeros, hidden layers up to 3 000 wide (1.1 M
// parameters at most), batch sizes and iterations up to Int.max, learning rates and speeds from the least
// positive double to the greatest, errors that are infinite or NaN. (Some of that is past what the command line now takes, --batch-size 1 to 1 000 000,
// --speed 1 to 1e9: a trap that needs such a value is a weaker finding, but still one in a public, pure API.)
//
// Layout of an input (every read past the end gives zeros, so any byte string is a session):
//
//   flags          1 byte: bit 0 ASCII glyphs, bits 1-2 colours (mod 3), bit 3 echo the trainer, bit 4 a first
//                  snapshot, bit 5 the host performs requests (save, export, new data; export makes the CSV
//                  and SVG it would write)
//   size           1 byte choosing the kind of screen (`decodeSize`), then 1 to 4 bytes
//   data           features, names, training rows, test rows, a palette of up to 7 extreme values, a seed
//   standardization, noise, network shape and parameters, and (bit 4) a snapshot
//   events         one opcode byte each, then its arguments: 0x20…0x7E are those printable keys; every other
//                  byte picks one of `Opcode` (special keys, mouse, resize, snapshots, notices, data, repeats)

/// The fuzz input read front to back; past its end every read is zero.
struct Input {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var isAtEnd: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u16() -> UInt16 { UInt16(byte()) | UInt16(byte()) << 8 }
    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }
    mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }
    mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A finite double, most often one of the values at the edges of Double.
    mutating func finite() -> Double {
        let tag = byte()
        switch tag % 20 {
        case 0: return 0
        case 1: return -0.0
        case 2: return 1e308
        case 3: return -1e308
        case 4: return .greatestFiniteMagnitude
        case 5: return -.greatestFiniteMagnitude
        case 6: return .leastNonzeroMagnitude
        case 7: return -.leastNonzeroMagnitude
        case 8: return .leastNormalMagnitude
        case 9: return Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)  // the largest subnormal
        case 10:
            let x = Double(bitPattern: u64())
            return x.isFinite ? x : 1
        case 11: return Double(Int8(bitPattern: byte()))
        case 12: return Double(Int16(bitPattern: u16())) / 64
        case 13: return 1
        case 14: return 0.5
        case 15: return 1e-308
        case 16: return 0x1p53  // where consecutive integers stop being doubles
        case 17: return Double(Int.max)
        case 18: return 1e154  // squares overflow
        default: return Double(tag) / 7
        }
    }

    /// A double that may also be infinite or NaN (what a diverged run reports).
    mutating func any() -> Double {
        switch byte() % 8 {
        case 0: return .infinity
        case 1: return -.infinity
        case 2: return .nan
        default: return finite()
        }
    }

    /// A count or iteration at least `minimum`, often at the edges of Int.
    mutating func count(minimum: Int = 0) -> Int {
        let value: Int
        switch byte() % 12 {
        case 0: value = minimum
        case 1: value = minimum + 1
        case 2: value = .max
        case 3: value = .max - 1
        case 4: value = .max / 2 + 1
        case 5: value = .max - Int(byte())
        case 6: value = Int(truncatingIfNeeded: u64() & (UInt64.max >> 1))
        case 7: value = 4096
        case 8: value = 4097
        case 9: value = 100
        case 10: value = Int(u16())
        default: value = Int(byte())
        }
        return max(value, minimum)
    }

    /// A screen coordinate: anywhere on a screen, just off it, or at the ends of Int.
    mutating func coordinate() -> Int {
        switch byte() % 8 {
        case 0: return .max
        case 1: return .min
        case 2: return -1
        default: return Int(Int16(bitPattern: u16()))
        }
    }

    /// A Character that is one grapheme: any scalar, or one of a few clusters of several.
    mutating func character() -> Character {
        let clusters: [String] = [
            "e\u{301}", "\r\n", "🇫🇷", "👨‍👩‍👧", "1\u{20E3}", "\u{0}", "\u{7F}", "٣", "½", "Ⅻ", "∞", "−", "＋"
        ]
        let tag = byte()
        if tag < 32 { return Character(clusters[Int(tag) % clusters.count]) }
        let value = u32() % 0x11_0000
        return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }

    /// A short string of any characters (names, notices).
    mutating func text(maximum: Int) -> String {
        let tag = byte()
        switch tag % 8 {
        case 0: return ""
        case 1: return String(repeating: "w", count: Int(u16()) % (maximum + 1))
        case 2: return String(repeating: "名", count: Int(byte()) % (maximum + 1))
        case 3: return "x\(byte())"
        default:
            let length = Int(byte()) % (maximum + 1)
            var s = ""
            for _ in 0..<length { s.append(character()) }
            return s
        }
    }
}

/// Values for bulk data (rows, parameters, history): mostly ordinary, a share from a palette of extremes.
struct Filler {
    var generator: SeededGenerator
    var palette: [Double]
    /// One value in `share` comes from the palette (when it has any).
    var share: Int

    init(_ input: inout Input, allowNonFinite: Bool = false) {
        let count = Int(input.byte() % 8)
        palette = (0..<count).map { _ in allowNonFinite ? input.any() : input.finite() }
        share = Int(input.byte() % 4) + 1
        generator = SeededGenerator(seed: input.u64())
    }

    mutating func next(scale: Double = 10) -> Double {
        if !palette.isEmpty, generator.index(below: share) == 0 {
            return palette[generator.index(below: palette.count)]
        }
        return (generator.unit() * 2 - 1) * scale
    }

    mutating func bit() -> Double { generator.next() & 1 == 0 ? 0 : 1 }
}

extension Int {
    /// A byte as a number below `common` when it is below 192, otherwise below `rare`.
    func small(below common: Int, else rare: Int) -> Int { self < 192 ? self % common : self % rare }
}

/// A hidden layer's width from a byte: 1 to 4 most often, then up to 16, rarely up to 256, 1 024 or 3 000.
func hiddenWidth(_ b: UInt8) -> Int {
    switch b {
    case ..<192: return Int(b % 4) + 1
    case ..<248: return Int(b % 16) + 1
    case ..<254: return Int(b) * 41 % 256 + 1
    case 254: return 1024
    default: return 3000
    }
}

/// The most parameters a session's network has: 1 024 × 1 024 and a little more. Past that a network is not
/// a new case for the dashboard (it is already far beyond a frame's share of forward passes), only slower: two
/// layers of 3 000 are 9 M parameters, and under AddressSanitizer each restart and frame over them took
/// seconds, so single inputs ran past libFuzzer's timeout.
let parameterBound = 1_100_000

/// `hidden` with its widest layer halved until the network has at most `parameterBound` parameters.
func bounded(_ hidden: [Int], features: Int) -> [Int] {
    var out = hidden
    while Network.parameterCount(sizes: [features] + out + [1]) > parameterBound,
        let k = out.indices.max(by: { out[$0] < out[$1] })
    {
        out[k] = max(1, out[k] / 2)
    }
    return out
}

/// The session's fixed shape: what the host fixes once at start and the trainer never changes.
struct Session {
    var features: Int
    var hidden: [Int]
    var names: [String]
    var withTest: Bool
}

func decodeDataset(session: Session, rows: Int, filler: inout Filler) -> Dataset {
    var features: [Double] = []
    features.reserveCapacity(rows * session.features)
    for _ in 0..<(rows * session.features) { features.append(filler.next()) }
    return Dataset(featureNames: session.names, features: features, targets: (0..<rows).map { _ in filler.bit() })
}

/// Rows of a set: few most often, sometimes past the map's 2 000-point limit.
func rowCount(_ input: inout Input, minimum: Int) -> Int {
    let tag = input.byte()
    if tag < 160 { return minimum + Int(tag % 12) }
    if tag < 240 { return minimum + Int(input.u16() % 600) }
    return minimum + Int(input.u16() % 4500)
}

/// Training and test data of the session's width, and the standardization the network's inputs get.
func decodeData(_ input: inout Input, session: Session) -> (Dataset, Dataset?, Standardization?) {
    let trainingRows = rowCount(&input, minimum: 1)
    let testRows = session.withTest ? rowCount(&input, minimum: 0) : 0
    var filler = Filler(&input)
    let training = decodeDataset(session: session, rows: trainingRows, filler: &filler)
    let test = session.withTest ? decodeDataset(session: session, rows: testRows, filler: &filler) : nil
    let standardization: Standardization?
    switch input.byte() % 3 {
    case 0: standardization = nil
    case 1: standardization = Standardization(fitting: training)
    default:
        // As a loaded model may carry: any finite means, any finite deviations ≥ 0.
        standardization = Standardization(
            mean: (0..<session.features).map { _ in filler.next() },
            deviation: (0..<session.features).map { _ in abs(filler.next()) })
    }
    return (training, test, standardization)
}

func decodeNetwork(_ input: inout Input, session: Session, activation: Activation? = nil) -> Network {
    let sizes = [session.features] + session.hidden + [1]
    let chosen = activation ?? Activation.allCases[Int(input.byte()) % Activation.allCases.count]
    var filler = Filler(&input)
    let parameters = (0..<Network.parameterCount(sizes: sizes)).map { _ in filler.next(scale: 3) }
    return Network(sizes: sizes, hiddenActivation: chosen, parameters: parameters)
}

func decodeHistory(_ input: inout Input, session: Session) -> ErrorHistory {
    let capacity = input.bool() ? 512 : (Int(input.byte()) + 1) * 2
    var history = ErrorHistory(capacity: capacity)
    let reports = input.bool() ? Int(input.byte() % 40) : Int(input.u16() % 3000)
    let first = input.count(), every = input.count(minimum: 1)
    var filler = Filler(&input, allowNonFinite: true)
    for k in 0..<reports {
        history.append(
            .init(
                iteration: first &+ k &* every, error: abs(filler.next(scale: 5)),
                testError: session.withTest ? abs(filler.next(scale: 5)) : nil))
    }
    return history
}

func decodeSpeed(_ input: inout Input) -> Speed {
    guard input.bool() else { return .unlimited }
    let rate = abs(input.finite())
    return .perSecond(max(rate, 1))
}

func decodeEvents(_ input: inout Input) -> [TrainingEvent] {
    (0..<Int(input.byte() % 24)).map { _ in
        let iteration = input.count()
        let kind: TrainingEvent.Kind
        switch input.byte() % 6 {
        case 0: kind = .learningRate(from: input.finite(), to: input.finite())
        case 1: kind = .paused
        case 2: kind = .resumed
        case 3: kind = .reset(seed: input.u64())
        case 4: kind = .diverged
        default: kind = .done
        }
        return TrainingEvent(iteration: iteration, kind: kind)
    }
}

func optional<T>(_ input: inout Input, _ make: (inout Input) -> T) -> T? {
    input.byte() % 4 == 0 ? nil : make(&input)
}

func decodeSnapshot(_ input: inout Input, session: Session, version: Int) -> Snapshot {
    let states: [TrainingState] = [.running, .paused, .done, .diverged]
    let network = decodeNetwork(&input, session: session)
    return Snapshot(
        version: version, iteration: input.count(), limit: optional(&input) { $0.count(minimum: 1) },
        state: states[Int(input.byte()) % states.count],
        learningRate: max(abs(input.finite()), .leastNonzeroMagnitude), speed: decodeSpeed(&input),
        batchSize: input.count(minimum: 1), stepsPerSecond: abs(input.any()), seed: input.u64(),
        loss: Loss.allCases[Int(input.byte()) % Loss.allCases.count], network: network,
        trainingError: optional(&input) { abs($0.any()) },
        testError: session.withTest ? optional(&input) { abs($0.any()) } : nil,
        trainingAccuracy: optional(&input) { Double($0.byte()) / 255 },
        testAccuracy: session.withTest ? optional(&input) { Double($0.byte()) / 255 } : nil,
        bestError: optional(&input) { abs($0.finite()) }, bestIteration: optional(&input) { $0.count() },
        history: decodeHistory(&input, session: session), events: decodeEvents(&input),
        reportInterval: input.count(minimum: 1),
        regularization: Regularization.allCases[Int(input.byte()) % Regularization.allCases.count],
        regularizationRate: abs(input.finite()))
}

/// What the trainer would publish after these commands (the TrainingLoop's rules, without the training).
func echo(_ commands: [TrainingCommand], on snapshot: Snapshot, session: Session) -> Snapshot {
    var s = snapshot
    s.version &+= 1
    for command in commands {
        switch command {
        case .pause: if s.state == .running { s.state = .paused }
        case .resume:
            if s.state == .done { s.limit = nil }
            if s.state != .diverged { s.state = .running }
        case .step(let n):
            if s.state == .running { s.state = .paused }
            let (next, overflow) = s.iteration.addingReportingOverflow(n)
            if !overflow { s.iteration = next }
        case .explainStep:
            if s.state == .running { s.state = .paused }
            // The step laid open on made-up rows of the network's width (the explainer reads any of it).
            var generator = SeededGenerator(seed: UInt64(truncatingIfNeeded: s.version))
            let width = s.network.inputCount
            let data = Dataset(
                featureNames: (0..<width).map { "x\($0)" },
                features: (0..<(2 * width)).map { _ in generator.standardNormal() }, targets: [0, 1])
            var trace = StochasticGradientDescent(network: s.network, learningRate: s.learningRate, loss: s.loss)
                .trace(s.network, on: data, rows: [1])
            s.iteration &+= 1
            trace.iteration = s.iteration
            s.network.parameters = trace.after
            s.explanation = trace
            s.lastStep = trace.parameterStep(iteration: s.iteration)
        case .setLearningRate(let rate): if rate.isFinite, rate > 0 { s.learningRate = rate }
        case .learningRateUp: s.learningRate = LearningRateLadder.up(from: s.learningRate)
        case .learningRateDown: s.learningRate = LearningRateLadder.down(from: s.learningRate)
        case .setSpeed(let speed):
            if case .perSecond(let rate) = speed, !(rate >= 1) { break }
            s.speed = speed
        case .setBatchSize(let size): if size >= 1 { s.batchSize = size }
        case .setActivation(let activation): s = restarted(s, session: session, activation: activation, seed: s.seed)
        case .setLoss(let loss):
            s.loss = loss
            s = restarted(s, session: session, activation: s.network.hiddenActivation, seed: s.seed)
        case .reset(let newSeed):
            s = restarted(
                s, session: session, activation: s.network.hiddenActivation, seed: newSeed ? s.seed &+ 1 : s.seed)
        case .setRegularization(let regularization, let rate):
            s.regularization = regularization
            s.regularizationRate = rate
        case .setOptimizer(let kind): s.optimizer.kind = kind
        case .setParameter(let index, let value):
            if s.network.parameters.indices.contains(index), value.isFinite { s.network.parameters[index] = value }
        case .replaceData, .standardize, .stop: break
        }
    }
    return s
}

/// A run started over: fresh weights drawn for the session's shape, the iteration and the history back at zero.
func restarted(_ snapshot: Snapshot, session: Session, activation: Activation, seed: UInt64) -> Snapshot {
    var s = snapshot
    var generator = SeededGenerator(seed: seed)
    s.network = Network(
        inputCount: session.features, hidden: session.hidden, hiddenActivation: activation,
        generator: &generator)
    s.seed = seed
    s.iteration = 0
    s.history = ErrorHistory()
    s.trainingError = nil
    s.testError = nil
    s.bestError = nil
    s.bestIteration = nil
    s.events.append(TrainingEvent(iteration: 0, kind: .reset(seed: seed)))
    return s
}

/// The event opcodes other than the printable keys 0x20…0x7E.
enum Opcode: CaseIterable {
    case enter, escape, tab, backTab, backspace, delete, up, down, left, right, pageUp, pageDown, home, end
    case f1, function, control, controlC, unicode, mouse, mouseInMap, wheel, resize, resizeTiny
    case snapshot, evolve, notice, noticeExpired, data, repeatKey
}

/// The key for a printable byte or a key opcode; nil for the opcodes that are not keys.
func key(_ opcode: UInt8, _ input: inout Input, size: Size) -> Key? {
    if (0x20...0x7E).contains(opcode) { return .character(Character(Unicode.Scalar(opcode))) }
    switch Opcode.allCases[Int(opcode) % Opcode.allCases.count] {
    case .enter: return .enter
    case .escape: return .escape
    case .tab: return .tab
    case .backTab: return .backTab
    case .backspace: return .backspace
    case .delete: return .delete
    case .up: return .up
    case .down: return .down
    case .left: return .left
    case .right: return .right
    case .pageUp: return .pageUp
    case .pageDown: return .pageDown
    case .home: return .home
    case .end: return .end
    case .f1: return .function(1)
    case .function: return .function(Int(Int8(bitPattern: input.byte())))
    case .control:
        return .control(input.bool() ? Character(Unicode.Scalar(0x61 + input.byte() % 26)) : input.character())
    case .controlC: return .control("c")
    case .unicode: return .character(input.character())
    case .mouse: return .mouse(x: input.coordinate(), y: input.coordinate())
    case .mouseInMap:
        // Where a large screen's map is: the left column, below the dataset.
        return .mouse(x: Int(input.byte()) % max(min(size.width, 60), 1), y: Int(input.byte()) % max(size.height, 1))
    case .wheel: return .wheel(x: input.coordinate(), y: input.coordinate(), up: input.bool())
    default: return nil
    }
}

/// A screen size: half the time one around a threshold, most of the rest an ordinary terminal, and now and then
/// any size up to 512×256 (rarely, because a large screen is slow to draw under AddressSanitizer).
func decodeSize(_ input: inout Input) -> Size {
    let tag = input.byte()
    if tag < 128 { return tinySize(&input) }
    if tag < 240 { return Size(width: Int(input.byte()) % 121 + 40, height: Int(input.byte()) % 43 + 10) }
    return Size(width: Int(input.u16() % 513), height: Int(input.u16() % 257))
}

/// Sizes around the dashboard's thresholds (60×18 for the panes, 100×30 for the map) and the degenerate ones.
func tinySize(_ input: inout Input) -> Size {
    let widths = [0, 1, 2, 3, 29, 30, 31, 59, 60, 61, 99, 100, 101, 140, 141, 512]
    let heights = [0, 1, 2, 3, 7, 8, 17, 18, 19, 29, 30, 31, 40, 60, 200, 256]
    let b = input.byte()
    return Size(width: widths[Int(b & 15)], height: heights[Int(b >> 4)])
}

/// Keeps a drawn screen alive, so the optimizer cannot drop the drawing.
@inline(never) @_optimize(none)
func consume(_ buffer: Buffer, _ state: DashboardState) {
    precondition(
        buffer.size.width == max(state.size.width, 0) && buffer.size.height == max(state.size.height, 0),
        "the buffer is \(buffer.size), the screen \(state.size)")
}

/// Events per input, at most: each is drawn, and a large screen costs a millisecond or two to draw; a network
/// past FrameBudget's shares costs up to its whole budget (about 18 million multiply-adds a frame, a tenth of a
/// second or more under AddressSanitizer), and one of millions of parameters is slow to copy as well.
func eventLimit(parameters: Int) -> Int {
    parameters <= 5_000 ? 128 : parameters <= 200_000 ? 12 : 4
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUpdate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    var input = Input(bytes: UnsafeBufferPointer(start: data, count: size))
    let flags = input.byte()
    let glyphs: GlyphSet = flags & 1 == 0 ? .unicode : .ascii
    let colours: [DashboardState.ColourDepth] = [.monochrome, .eight, .palette]
    let echoesTrainer = flags & 8 != 0, hostPerforms = flags & 32 != 0
    let screen = decodeSize(&input)

    // Widths: small most often (each costs a multiplication per sample of the map, in every frame), up to 40
    // features, and hidden layers up to 16 wide or, rarely, up to 3 000: networks too large for a frame's share
    // of forward passes (FrameBudget), so the map is drawn in blocks, or not at all, and predictions are left out.
    let features = Int(input.byte()).small(below: 4, else: 40) + 1
    let names = (1...features).map { k in input.byte() % 8 == 0 ? input.text(maximum: 40) : "x\(k)" }
    let hidden = bounded((0..<Int(input.byte() % 4)).map { _ in hiddenWidth(input.byte()) }, features: features)
    let session = Session(features: features, hidden: hidden, names: names, withTest: input.bool())
    let (training, test, standardization) = decodeData(&input, session: session)
    var state = DashboardState(
        training: training, test: test, standardization: standardization, size: screen,
        glyphs: glyphs, colours: colours[Int(flags >> 1) % 3])
    state.noise = input.bool() ? Double(input.byte() % 11) / 20 : input.finite()
    var version = 1
    if flags & 16 != 0 { _ = update(&state, .snapshot(decodeSnapshot(&input, session: session, version: version))) }
    consume(render(state), state)

    let limit = eventLimit(parameters: Network.parameterCount(sizes: [features] + hidden + [1]))
    var events = 0
    var repeats = 0, repeated: Key?
    while events < limit, repeats > 0 || !input.isAtEnd {
        events += 1
        var event: DashboardEvent
        if repeats > 0, let k = repeated {
            repeats -= 1
            event = .key(k)
        } else {
            let opcode = input.byte()
            if let k = key(opcode, &input, size: state.size) {
                event = .key(k)
            } else {
                switch Opcode.allCases[Int(opcode) % Opcode.allCases.count] {
                case .resize: event = .resize(decodeSize(&input))
                case .resizeTiny: event = .resize(tinySize(&input))
                case .snapshot:
                    version += 1
                    event = .snapshot(decodeSnapshot(&input, session: session, version: version))
                case .evolve:
                    guard var s = state.snapshot else { continue }
                    s.version &+= 1
                    let (next, overflow) = s.iteration.addingReportingOverflow(input.count())
                    s.iteration = overflow ? .max : next
                    s.state = [.running, .paused, .done, .diverged][Int(input.byte() % 4)]
                    var filler = Filler(&input, allowNonFinite: true)
                    for _ in 0..<Int(input.byte() % 64) {
                        s.history.append(
                            .init(
                                iteration: s.iteration, error: abs(filler.next()),
                                testError: session.withTest ? abs(filler.next()) : nil))
                    }
                    var parameters = Filler(&input)
                    s.network.parameters = s.network.parameters.map { $0 + parameters.next(scale: 0.1) }
                    if !s.network.isFinite { continue }  // the trainer keeps the last finite parameters
                    s.trainingError = s.history.recentPoints.last?.error
                    event = .snapshot(s)
                case .notice:
                    event = .notice(input.bool() ? .problem(input.text(maximum: 300)) : .news(input.text(maximum: 300)))
                case .noticeExpired: event = .noticeExpired
                case .data:
                    let (training, test, standardization) = decodeData(&input, session: session)
                    event = .data(
                        training: training, test: test, standardization: standardization, noise: input.finite())
                case .repeatKey:
                    // A key held down: the next key, this many times more.
                    repeats = Int(input.byte())
                    let opcode = input.byte()
                    repeated = key(opcode, &input, size: state.size) ?? .down
                    continue
                default: continue
                }
            }
        }
        var commands: [TrainingCommand] = [], requests: [DashboardRequest] = []
        for effect in update(&state, event) {
            switch effect {
            case .command(let command): commands.append(command)
            case .request(let request): requests.append(request)
            case .quit: break  // it would end the session; a new one would start from this state, so carry on
            }
        }
        consume(render(state), state)
        if echoesTrainer, !commands.isEmpty, let s = state.snapshot {
            _ = update(&state, .snapshot(echo(commands, on: s, session: session)))
            consume(render(state), state)
        }
        guard hostPerforms else { continue }
        for request in requests {
            switch request {
            case .saveModel: _ = update(&state, .notice(.news("saved nntop-model.json (iteration 1)")))
            case .exportONNX: _ = update(&state, .notice(.news("wrote nntop-model.onnx (ONNX, iteration 1)")))
            case .exportHistory:
                // What the host writes (DashboardHost.exportHistory), made but not written.
                guard let snapshot = state.snapshot else { continue }
                let table = HistoryTable(snapshot.history)
                let best = snapshot.bestError.flatMap { e in snapshot.bestIteration.map { (error: e, iteration: $0) } }
                let svg = ErrorPlotSVG.render(
                    table, events: snapshot.events, best: best, title: "nntop · cumulative error")
                _ = update(
                    &state, .notice(.news("wrote nntop-history.csv (\(table.csv.count) bytes) and .svg (\(svg.count))"))
                )
            case .newData(let noise), .noise(let noise):
                // The host draws a built-in dataset again (another seed, or the same): new rows of the same width.
                let (training, test, standardization) = decodeData(&input, session: session)
                _ = update(
                    &state, .data(training: training, test: test, standardization: standardization, noise: noise))
                _ = update(&state, .notice(.news("new data: \(training.count) training rows, noise \(noise)")))
            }
            consume(render(state), state)
        }
    }
    return 0
}

// SwiftPM on Linux links every executable with its own entry point as `main`, so libFuzzer's `main` is never
// used: the top-level code hands the command line to libFuzzer's driver instead.
var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in fuzzUpdate(data, size) })
