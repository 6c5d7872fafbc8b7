import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Input without end or without bound: refused with one line before memory runs out, and a dashboard that keeps
/// answering its keys whatever the size of the network.
@Suite struct UnboundedInputTests {
    /// Guards against reading an endless device until the machine runs out of memory.
    @Test(arguments: [
        ["train", "--data", "/dev/zero"],
        ["train", "--data", "/dev/urandom"],
        ["train", "--test-data", "/dev/zero", "--data", "DATA"],
        ["predict", "--model", "/dev/zero", "1", "2"],
        ["predict", "--weights", "1,2", "--bias", "0", "--data", "/dev/urandom"],
        ["--data", "/dev/zero"]
    ])
    func anEndlessDeviceIsRefused(args: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("d.csv", Fixtures.xor)
        let result = try runNNTop(args.map { $0 == "DATA" ? data : $0 }, timeout: 10)
        expectOneLineFailure(result, contains: ["/dev/", "is a device"])
    }

    /// An endless pipe of zero bytes stops at the first one, with the parser's line and column.
    @Test func anEndlessPipeOfZerosStopsAtTheFirst() throws {
        let binary = try nntopExecutable.get().path
        let result = try runCaptured(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "head -c 2000000000 /dev/zero | \(shellQuoted(binary)) train --data /dev/stdin"],
            timeout: 10, naming: ["pipe of zeros"])
        expectOneLineFailure(result, contains: ["/dev/stdin:1:"])
    }

    /// A model file larger than any model nntop writes is refused before a byte of it is read (a sparse file:
    /// it takes no disk).
    @Test func aGiganticModelFileIsRefusedUnread() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = scratch.path("huge.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        #expect(truncate(path, off_t(3) << 30) == 0)
        let result = try runNNTop(["predict", "--model", path, "1", "2"], timeout: 10)
        expectOneLineFailure(result, contains: ["huge.json", "more than 512 MiB"])
    }

    /// Guards against a 134 GB allocation and a backtrace: a network the memory cannot hold is refused first.
    @Test(arguments: [["train"], []])
    func aNetworkTooLargeForTheMachineIsRefused(command: [String]) throws {
        let hidden = Array(repeating: "4096", count: 1000).joined(separator: ",")
        let result = try runNNTop(command + ["--hidden", hidden], timeout: 10)
        expectOneLineFailure(result, contains: ["16.7 G parameters", "--hidden"])
    }
}

/// The dashboard answers q, Ctrl-C and SIGTERM at once whatever it trains: with 16.8 M parameters a frame
/// used to take minutes (every weight formatted, a forward pass per map sample) and a step of a huge batch never
/// ended.
@Suite(.serialized) struct UnfrozenDashboardTests {
    @Test(arguments: [
        ("--hidden 4096,4096 --speed max", "q"),
        ("--hidden 4096,4096 --speed max", "C-c"),
        ("--hidden 4096,4096 --speed max", "TERM"),
        ("--hidden 512 --batch-size 1000000 --speed max", "q")
    ])
    func quitsAtOnce(arguments: String, way: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try startDashboard(width: 120, height: 40, arguments: arguments, scratch: scratch)
        let up = try tmux.waitFor { $0.joinedScreen.contains("RUNNING") && $0.joinedScreen.contains("Weights") }
        #expect(up.ok, "\(up.screen.joinedScreen)")
        Thread.sleep(forTimeInterval: 1)  // training and drawing under way
        let start = ContinuousClock.now
        if way == "TERM" {
            _ = try runProcess("/usr/bin/env", ["pkill", "-TERM", "-P", try tmux.panePID()])
        } else {
            try tmux.send(way)
        }
        let ended = try tmux.waitFor(20) { _ in (try? tmux.paneDead()) == true }
        let took = ContinuousClock.now - start
        #expect(ended.ok, "\(arguments), \(way): still running")
        // tmux's own polling is part of this; the program's part is the 20 ms it waits for the trainer at most.
        #expect(took < .seconds(3), "\(arguments), \(way): \(took)")
        #expect(try scratch.read("stty-before") == scratch.read("stty-after"))
    }
}

/// Integer traps through the real binary: options and data that became an Int made of 1e19 or NaN.
@Suite(.serialized) struct TrapTests {
    /// Guards --speed 1e19, which ended in SIGILL (Int(rate) in the status bar).
    @Test(arguments: ["1e19", "1e10", "inf", "nan", "0.5"])
    func aPaceBeyondABillionIsRefused(speed: String) throws {
        let result = try runNNTop(["--speed", speed], timeout: 10)
        expectOneLineFailure(result, contains: ["--speed"])
    }

    /// Guards data at ±1e308 in the dashboard: the map's range overflowed and a cell became Int(NaN) (SIGILL at
    /// the first frame). The map is drawn, the cursor moves, and q quits.
    @Test func dataAtTheEdgesOfDoubleDrawAMap() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file(
            "edge.csv",
            "a,b,y\n-1.7976931348623157e308,1e308,0\n1.7976931348623157e308,-1e308,1\n0,0,0\n1e-308,5e-324,1\n")
        let tmux = try startDashboard(
            width: 120, height: 40, arguments: "--data \(shellQuoted(data)) --hidden 3 --speed 1000",
            scratch: scratch)
        let up = try tmux.waitFor { $0.joinedScreen.contains("Decision map") && ($0.iteration ?? 0) > 0 }
        #expect(up.ok, "\(up.screen.joinedScreen)")
        try tmux.send("m")
        try tmux.send("Right", "Right", "Up", "End", "Home", "Down")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try !tmux.paneDead())
        try tmux.send("Escape")
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)
        #expect(try scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}

/// Regular files far larger than the memory, as sparse files (they take no disk): refused before anything is
/// allocated, or stopped at the first zero byte — a terabyte of zeros was searched for a line end for minutes,
/// and a terabyte after good rows asked the allocator for 1.3 TB.
@Suite struct TerabyteFileTests {
    @Test func aTerabyteAfterGoodRowsIsRefusedBeforeAllocating() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var text = "a,b,y\n"
        for i in 0..<100_000 { text += "0.\(i % 997),1.\(i % 13),\(i % 2)\n" }
        let path = try scratch.file("big.csv", text)
        #expect(truncate(path, off_t(1) << 40) == 0)
        let result = try runNNTop(["train", "--data", path, "--iterations", "10"], timeout: 20)
        expectOneLineFailure(result, contains: ["big.csv", "more than this machine's memory can keep"])
    }

    @Test func aTerabyteOfZerosStopsAtTheFirst() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = scratch.path("zeros.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(truncate(path, off_t(1) << 40) == 0)
        let result = try runNNTop(["train", "--data", path, "--iterations", "10"], timeout: 20)
        expectOneLineFailure(result, contains: ["zeros.csv:1"])
    }
}
