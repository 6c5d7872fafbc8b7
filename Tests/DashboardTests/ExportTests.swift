import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import Training
@testable import Dashboard

/// The error history as CSV and as an SVG plot.
@Suite struct ExportTests {
    @Test func oneRowPerReportWhileNothingHasMerged() {
        let table = HistoryTable(Fixtures.history([4, 3, 2.5, 2]))
        #expect(table.rows.map(\.last) == [100, 200, 300, 400])
        #expect(table.rows.allSatisfy { $0.count == 1 && $0.minimum == $0.mean && $0.maximum == $0.mean })
        let lines = table.csv.split(separator: "\n")
        #expect(lines.first == "iteration,loss,minimum,maximum,reports")
        #expect(lines.count == 5)
        #expect(lines[3] == "300,2.5,2.5,2.5,1")
    }

    @Test func testErrorsGetTheirOwnColumn() {
        let table = HistoryTable(Fixtures.history([4, 3], tests: [4.5, nil]))
        #expect(
            table.csv
                == "iteration,loss,minimum,maximum,reports,test_loss\n100,4.0,4.0,4.0,1,4.5\n200,3.0,3.0,3.0,1,\n"
        )
    }

    @Test func aLongRunIsMergedBucketsThenTheRecentWindowAtFullResolution() {
        var history = ErrorHistory(capacity: 8)
        for k in 1...40 { history.append(.init(iteration: k * 100, error: Double(k))) }
        let table = HistoryTable(history)
        // The last eight reports one by one; before them, merged buckets.
        #expect(table.rows.suffix(8).map(\.last) == Array(33...40).map { $0 * 100 })
        #expect(table.rows.suffix(8).allSatisfy { $0.count == 1 })
        let merged = table.rows.dropLast(8)
        #expect(!merged.isEmpty && merged.allSatisfy { $0.count > 1 && $0.last < 3_300 })
        #expect(merged.allSatisfy { $0.minimum <= $0.mean && $0.mean <= $0.maximum })
        // Iterations only go forward.
        #expect(zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.last < $1.last })
    }

    @Test func thePlotIsWellFormedSVGWithCurveEventsAndBest() throws {
        let table = HistoryTable(Fixtures.history([4, 3.5, 3, 2.5, 2], tests: [4.2, 3.8, 3.4, 3.1, 2.9]))
        let events = [
            TrainingEvent(iteration: 200, kind: .learningRate(from: 0.1, to: 0.3)),
            TrainingEvent(iteration: 400, kind: .reset(seed: 2)),
            TrainingEvent(iteration: 300, kind: .paused)
        ]
        let svg = ErrorPlotSVG.render(table, events: events, best: (2, 500), title: "a <test> & plot")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(svg)")
        #expect(svg.contains(">lr 0.3</text>"))
        #expect(svg.contains(">reset</text>"))
        #expect(svg.components(separatedBy: "stroke-dasharray=\"3 3\"").count == 3)
        #expect(svg.contains(">best 2 @ 500</text>"))
        #expect(svg.contains("a &lt;test&gt; &amp; plot"))
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        // The training curve has one vertex per row.
        let polyline = try #require(svg.components(separatedBy: "<polyline points=\"").dropFirst().first)
        #expect(polyline.prefix { $0 != "\"" }.split(separator: " ").count == 5)
    }

    @Test func anEmptyHistoryStillMakesAPicture() {
        let svg = ErrorPlotSVG.render(HistoryTable(ErrorHistory()), events: [], best: nil, title: "empty")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("no error reports yet"))
    }

    @Test func niceCeilings() {
        #expect(ErrorPlotSVG.niceCeiling(3.7) == 5)
        #expect(ErrorPlotSVG.niceCeiling(0.21) == 0.25)
        #expect(ErrorPlotSVG.niceCeiling(1180) == 2000)
        #expect(ErrorPlotSVG.niceCeiling(100) == 100)
    }

    @Test func sAndEAskTheHostAndNeedASnapshot() {
        var state = Fixtures.state()
        #expect(update(&state, .key(.character("s"))) == [.request(.saveModel)])
        #expect(update(&state, .key(.character("e"))) == [.request(.exportHistory)])
        var empty = Fixtures.state(snapshot: nil)
        #expect(update(&empty, .key(.character("s"))).isEmpty)
        #expect(empty.notice?.text.contains("nothing to save") == true)
    }

    @Test func theHostsAnswerIsShownPlainOrAsAProblem() {
        var state = Fixtures.state()
        _ = update(&state, .notice(.news("saved the model to /tmp/m.json")))
        var line = render(state).lines.last!
        #expect(line.contains("saved the model to /tmp/m.json"))
        #expect(state.notice?.isProblem == false)
        _ = update(&state, .notice(.problem("/nope/m.json: cannot write")))
        line = render(state).lines.last!
        #expect(line.contains("cannot write") && state.notice?.isProblem == true)
    }
}
