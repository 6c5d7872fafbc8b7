import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// The real binary in a real terminal (tmux): panes, live training, keys, the probe, resizing, quitting, and a
/// terminal left exactly as it was found.
@Suite(.serialized) struct DashboardEndToEndTests {
    /// Runs the dashboard in a shell that records `stty -a` before and after, and its exit status.
    private func start(width: Int, height: Int, arguments: String = "", scratch: Scratch) throws -> Tmux {
        try startDashboard(width: width, height: height, arguments: arguments, scratch: scratch)
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func watchPauseTuneProbeResizeQuit(width: Int, height: Int) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try start(width: width, height: height, scratch: scratch)

        // Every pane's title, and training under way.
        let first = try tmux.waitFor { $0.joinedScreen.contains("RUNNING") && ($0.iteration ?? 0) > 0 }
        #expect(first.ok, "\(first.screen.joinedScreen)")
        for title in ["Dataset", "Weights", "Loss", "Probe", "lr 0.1"] {
            #expect(first.screen.joinedScreen.contains(title), "\(title) missing:\n\(first.screen.joinedScreen)")
        }
        let early = first.screen.iteration ?? 0
        let grows = try tmux.waitFor { ($0.iteration ?? 0) > early + 50 }
        #expect(grows.ok, "iteration stuck at \(early):\n\(grows.screen.joinedScreen)")

        // space: PAUSED, and the iteration holds.
        try tmux.send("space")
        let paused = try tmux.waitFor { $0.statusLine.contains("PAUSED") }
        #expect(paused.ok, "\(paused.screen.joinedScreen)")
        let held = paused.screen.iteration
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try tmux.screen().iteration == held)

        // +: the learning rate one rung up, 0.1 to 0.3.
        try tmux.send("+")
        let raised = try tmux.waitFor { $0.statusLine.contains("lr 0.3") }
        #expect(raised.ok, "\(raised.screen.statusLine)")

        // The probe: Tab in, replace both fields with 2 and 1.5, and read σ(z) for that input.
        try tmux.send("Tab")
        try tmux.send("BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.type("2")
        try tmux.send("Tab")
        try tmux.send("BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.type("1.5")
        let probed = try tmux.waitFor { screen in
            screen.contains { $0.contains("x1 2 ") } && screen.contains { $0.contains("x2 1.5") }
        }
        #expect(probed.ok, "\(probed.screen.joinedScreen)")
        let sigmaLine = try #require(probed.screen.first { $0.contains("σ(z) ") }, "\(probed.screen.joinedScreen)")
        let sigmaText = try #require(sigmaLine.range(of: #"σ\(z\) [0-9.]+"#, options: .regularExpression))
        let sigma = try #require(Double(sigmaLine[sigmaText].dropFirst(5)))
        #expect(sigma > 0 && sigma < 1)
        // A bad field gives an inline message, not a crash.
        try tmux.type("x")
        let complained = try tmux.waitFor { $0.joinedScreen.contains("is not a number") }
        #expect(complained.ok, "\(complained.screen.joinedScreen)")
        try tmux.send("BSpace")
        try tmux.send("Escape")

        // Too small, then back.
        try tmux.resize(width: 50, height: 12)
        let small = try tmux.waitFor { $0.joinedScreen.contains("terminal too small (have 50×12") }
        #expect(small.ok, "\(small.screen.joinedScreen)")
        try tmux.resize(width: width, height: height)
        let back = try tmux.waitFor { $0.joinedScreen.contains("Dataset") && $0.statusLine.contains("PAUSED") }
        #expect(back.ok, "\(back.screen.joinedScreen)")

        // q: exit status 0 and the terminal exactly as before.
        try tmux.send("q")
        let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
        #expect(ended.ok, "still running:\n\(ended.screen.joinedScreen)")
        #expect(try scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(try scratch.read("stty-before") == scratch.read("stty-after"))
    }

    @Test func theDecisionMapProbesThePointUnderItsCursor() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try start(width: 120, height: 40, scratch: scratch)
        let up = try tmux.waitFor { $0.joinedScreen.contains("Decision map") && $0.statusLine.contains("RUNNING") }
        #expect(up.ok, "\(up.screen.joinedScreen)")
        func x1(_ line: String) -> Double? {
            line.components(separatedBy: "│x1 ").last?.split(separator: " ").first.flatMap { Double($0) }
        }
        // m: the cursor goes to the map's top-left corner and the probe shows that point: x1 near the low end
        // of the map's range (0.55…5.95), where the probe showed the first row's 3 before. (A capture can
        // catch a frame half drawn, so wait for both the cursor and the probe.)
        try tmux.send("m")
        let focused = try tmux.waitFor { screen in
            screen.contains { $0.contains("╋") } && screen.contains { $0.contains("│x1 ") && (x1($0) ?? 3) < 1 }
        }
        #expect(focused.ok, "\(focused.screen.joinedScreen)")
        let corner = try #require(focused.screen.first { $0.contains("│x1 ") }, "\(focused.screen.joinedScreen)")
        // Ten cells right: a larger x1 in the probe, and σ(z) for it.
        for _ in 0..<10 { try tmux.send("Right") }
        let moved = try tmux.waitFor { screen in
            screen.contains { $0.contains("│x1 ") && $0 != corner } && screen.contains { $0.contains("σ(z) ") }
        }
        #expect(moved.ok, "\(moved.screen.joinedScreen)")
        let before = try #require(x1(corner)),
            after = try #require(moved.screen.first { $0.contains("│x1 ") }.flatMap(x1))
        #expect(after > before, "x1 went from \(before) to \(after)")
        try tmux.send("q")
        let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
        #expect(ended.ok)
        #expect(try scratch.read("stty-before") == scratch.read("stty-after"))
    }

    @Test func sSavesAModelThatPredictAndTheDashboardLoadAndEExportsTheHistory() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = scratch.path("m.json"), history = scratch.path("h")
        let tmux = try start(
            width: 100, height: 30,
            arguments: "--speed 5000 --save \(shellQuoted(model)) --export \(shellQuoted(history))",
            scratch: scratch)
        let trained = try tmux.waitFor { ($0.iteration ?? 0) > 1_000 }
        #expect(trained.ok, "\(trained.screen.joinedScreen)")
        try tmux.send("space")
        #expect(try tmux.waitFor { $0.statusLine.contains("PAUSED") }.ok)
        try tmux.send("s")
        let saved = try tmux.waitFor { $0.statusLine.contains("saved \(model) (iteration ") }
        #expect(saved.ok, "\(saved.screen.statusLine)")
        try tmux.send("e")
        let exported = try tmux.waitFor { $0.statusLine.contains("wrote \(history).csv") }
        #expect(exported.ok, "\(exported.screen.statusLine)")
        let iteration = try #require(
            saved.screen.statusLine.components(separatedBy: "(iteration ").last?
                .split(separator: ")").first.flatMap { Int($0) })
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)

        // The CSV has one row per report (one every 100 iterations, and the first at 0), the SVG is XML.
        let csv = try String(contentsOfFile: history + ".csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "iteration,loss,minimum,maximum,reports")
        #expect(csv.count - 1 == iteration / 100 + 1, "\(csv.count - 1) rows at iteration \(iteration)")
        let svg = try Data(contentsOf: URL(fileURLWithPath: history + ".svg"))
        #expect(XMLParser(data: svg).parse())

        // predict loads the model; so does the dashboard, paused, showing the same first weight.
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: model))) as? [String: Any]
        let w1 = try #require(((json?["weights"] as? [[[Double]]])?.first?.first?.first))
        let predicted = try runNNTop(["predict", "--model", model, "3", "1.5"])
        #expect(predicted.status == 0, "\(predicted.stderr)")
        let again = try start(
            width: 100, height: 30, arguments: "--model \(shellQuoted(model)) --paused", scratch: scratch)
        let loaded = try again.waitFor { $0.statusLine.contains("PAUSED") && $0.joinedScreen.contains("Weights") }
        #expect(loaded.ok, "\(loaded.screen.joinedScreen)")
        #expect(
            loaded.screen.joinedScreen.contains(String(format: "%.4f", w1)), "w1 \(w1):\n\(loaded.screen.joinedScreen)")
        #expect(loaded.screen.statusLine.contains("it 0/"))
        try again.send("q")
        #expect(try again.waitFor { _ in (try? again.paneDead()) == true }.ok)
    }

    @Test func theLabDrawsNewDataAndSwitchesLossAndActivationFromTheKeys() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try start(
            width: 120, height: 40,
            arguments: "--dataset circle --samples 100 --test-fraction 0.2 --hidden 8 "
                + "--activation relu --speed 2000 --iterations 100000000", scratch: scratch)
        let up = try tmux.waitFor { screen in
            // Both scores whole in the dataset's title, with the noise: the name and row count made room for them.
            screen.joinedScreen.contains("noise 0 · train acc ") && screen.joinedScreen.contains(" · test acc ")
                && screen.joinedScreen.contains("Decision map")
                && screen.joinedScreen.contains("2-8-1 · 33 parameters · squared-error")
                && screen.contains { $0.contains("hidden 1: 2×8 relu") }
        }
        #expect(up.ok, "\(up.screen.joinedScreen)")
        // c: the loss; a: the next activation; both draw new weights and training carries on.
        try tmux.send("c")
        let loss = try tmux.waitFor { $0.joinedScreen.contains("33 parameters · cross-entropy") }
        #expect(loss.ok, "\(loss.screen.joinedScreen)")
        try tmux.send("a")
        let activation = try tmux.waitFor { screen in screen.contains { $0.contains("hidden 1: 2×8 tanh") } }
        #expect(activation.ok, "\(activation.screen.joinedScreen)")
        // ]: more noise on the same points (the same data seed), shown in the dataset's title; N: new points.
        let before = try tmux.screen().filter { $0.hasPrefix("│ 1 ") }
        try tmux.send("]")
        let noisier = try tmux.waitFor {
            $0.statusLine.contains("noise 0.05: the same points moved (data seed 1), 80 training rows, 20 test")
                && $0[0].contains("noise 0.05 · train acc")
        }
        #expect(noisier.ok, "\(noisier.screen.joinedScreen)")
        #expect(noisier.screen.filter { $0.hasPrefix("│ 1 ") } != before && before.count == 1)
        try tmux.send("N")
        let redrawn = try tmux.waitFor {
            $0.statusLine.contains("new data: 80 training rows, 20 test, noise 0.05, data seed 2")
        }
        #expect(redrawn.ok, "\(redrawn.screen.statusLine)")
        // Esc clears the notice, and the figures show training going on.
        try tmux.send("Escape")
        let training = try tmux.waitFor { ($0.iteration ?? 0) > 500 }
        #expect(training.ok, "\(training.screen.statusLine)")
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)
    }

    @Test func ctrlCAndSigtermRestoreTheTerminal() throws {
        for way in ["ctrl-c", "sigterm", "sighup"] {
            let scratch = try Scratch()
            defer { scratch.cleanUp() }
            let tmux = try start(width: 80, height: 24, scratch: scratch)
            let up = try tmux.waitFor { $0.joinedScreen.contains("RUNNING") }
            #expect(up.ok, "\(way): \(up.screen.joinedScreen)")
            switch way {
            case "ctrl-c": try tmux.send("C-c")
            case "sigterm": _ = try runProcess("/usr/bin/env", ["pkill", "-TERM", "-P", try tmux.panePID()])
            default: _ = try runProcess("/usr/bin/env", ["pkill", "-HUP", "-P", try tmux.panePID()])
            }
            let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
            #expect(ended.ok, "\(way): still running")
            #expect(try scratch.read("stty-before") == scratch.read("stty-after"), "\(way)")
        }
    }

    @Test func stdoutNotATerminalPointsToTrain() throws {
        let result = try runNNTop([])
        expectOneLineFailure(result, contains: ["terminal", "nntop train"])
    }

    /// An unknown terminal type, and one that cannot move the cursor (TERM=dumb, which drew garbage): one line,
    /// exit status 2.
    @Test(arguments: ["no-such-terminal", "dumb"])
    func unknownTerminalTypeIsOneLine(term: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let binary = try nntopExecutable.get().path
        let script =
            "TERM=\(term) \(shellQuoted(binary)) 2> \(shellQuoted(scratch.path("stderr"))); echo $? > \(shellQuoted(scratch.path("status")))"
        let tmux = try Tmux(width: 80, height: 24, command: "sh -c \(shellQuoted(script))")
        let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
        #expect(ended.ok)
        #expect(try scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let stderr = try scratch.read("stderr")
        #expect(stderr.hasPrefix("nntop: ") && stderr.contains("\"\(term)\""), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
    }
}

/// Runs a helper program to completion and returns its exit status.
func runProcess(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
