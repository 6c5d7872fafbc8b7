import Foundation
import Testing
@testable import NNTopCLI

/// `nntop train`'s progress on stderr: on a terminal a redrawn line with the loss, the rate with thousands
/// separators and the time left, never wider than the terminal; elsewhere plain lines.
@Suite struct ProgressCLITests {
    /// The frames a terminal got: the text between carriage returns that shows the iterations of 30 000.
    static func frames(_ output: String) -> [String] {
        output.split(separator: "\r").map(String.init).filter { $0.contains("/30,000") }
    }

    @Test func aTerminalSeesTheLossTheRateAndTheTimeLeft() throws {
        let binary = shellQuoted(try nntopExecutable.get().path)
        let run = try runInPseudoTerminal(
            "\(binary) train --dataset xor --hidden 8 --iterations 30000 > /dev/null; echo status=$?", columns: 100)
        #expect(run.output.contains("status=0"), "\(run.output.suffix(300))")
        let frames = Self.frames(run.output)
        #expect(!frames.isEmpty, "no progress line: \(run.output.debugDescription.prefix(600))")
        let pattern =
            #"^[█░]{10,30} [0-9]{1,3}%  [0-9]{1,3}(,[0-9]{3})*/30,000  loss ([0-9.e+-]+|-)  [0-9]{1,3}(,[0-9]{3})* it/s  ETA ([0-9]+:)?[0-9]+:[0-9]{2}\x{1B}\[K$"#
        for frame in frames {
            #expect(frame.range(of: pattern, options: .regularExpression) != nil, "\(frame.debugDescription)")
            #expect(frame.count - 3 < 100, "wider than the terminal: \(frame)")
        }
        // A loss is shown once the first report is in, and the line is cleared when training ends.
        #expect(frames.contains { $0.range(of: "loss [0-9]", options: .regularExpression) != nil }, "\(frames)")
        #expect(run.output.contains("\r\u{1B}[K"), "\(run.output.debugDescription.suffix(300))")
    }

    @Test func aNarrowTerminalGetsTheFiguresWithoutTheBarOrAWrap() throws {
        let binary = shellQuoted(try nntopExecutable.get().path)
        let run = try runInPseudoTerminal(
            "\(binary) train --dataset xor --hidden 8 --iterations 30000 > /dev/null", columns: 60)
        let frames = Self.frames(run.output)
        #expect(!frames.isEmpty, "\(run.output.debugDescription.prefix(600))")
        for frame in frames {
            #expect(!frame.contains("█") && !frame.contains("░"), "\(frame)")
            #expect(frame.count - 3 < 60, "wider than the terminal: \(frame)")
        }
    }

    /// Output to a file or a pipe gets no redrawn line (a short run, under the 5 s between log lines, none at all).
    @Test func aPipeGetsNoRedrawnLine() throws {
        let result = try runNNTop(["train", "--dataset", "xor", "--hidden", "8", "--iterations", "3000"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("it/s"), "\(result)")
    }

    /// Headless training under TERM=dumb writes plain lines on the terminal, never the redrawn bar and its
    /// escapes, which a dumb terminal prints as they are.
    @Test func trainUnderADumbTerminalWritesNoEscapes() throws {
        let binary = shellQuoted(try nntopExecutable.get().path)
        let run = try runInPseudoTerminal(
            "\(binary) train --dataset xor --hidden 8 --iterations 30000 > /dev/null; echo status=$?",
            environment: "TERM=dumb")
        #expect(run.output.contains("status=0"), "\(run.output)")
        #expect(!run.output.contains("\u{1B}"), "\(run.output.debugDescription)")
        #expect(!run.output.contains("█"), "\(run.output.debugDescription)")
    }

    // MARK: The line's text

    @Test func figuresUseThousandsSeparatorsAndAClock() {
        let line = ProgressLine(iteration: 1_234_567, total: 10_000_000, elapsed: 1, loss: 0.012_345_67)
        #expect(line.figures == "12%  1,234,567/10,000,000  loss 0.01235  1,234,567 it/s  ETA 0:08")
        #expect(
            line.logLine
                == "nntop: iteration 1,234,567/10,000,000 (12%), loss 0.01235, 1,234,567 it/s, ETA 0:08")
        let slow = ProgressLine(iteration: 10, total: 100_000, elapsed: 1, loss: nil)
        #expect(slow.figures.hasSuffix("loss -  10 it/s  ETA 2:46:39"), "\(slow.figures)")
        let first = ProgressLine(iteration: 0, total: 100, elapsed: 0.1, loss: nil)
        #expect(first.figures.hasSuffix("0 it/s  ETA -"), "\(first.figures)")
    }

    @Test func theBarFitsTheWidthAndFills() {
        let half = ProgressLine(iteration: 500, total: 1000, elapsed: 1, loss: 0.5)
        let wide = half.bar(columns: 120)
        #expect(wide.hasPrefix(String(repeating: "█", count: 15) + String(repeating: "░", count: 15) + " 50%"))
        for columns in [20, 40, 60, 80] {
            #expect(half.bar(columns: columns).count < columns, "\(columns): \(half.bar(columns: columns))")
        }
        #expect(ProgressLine.clock(59.2) == "1:00")
        #expect(ProgressLine.clock(3725) == "1:02:05")
        #expect(ProgressLine.clock(.infinity) == "-")
    }
}
