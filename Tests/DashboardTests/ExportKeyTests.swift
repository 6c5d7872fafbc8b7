import Testing

@testable import Dashboard

/// `E` asks the host for the model as ONNX, once there is a model to export.
@Suite struct ExportKeyTests {
    @Test func capitalEAsksForTheONNXExport() {
        var state = Fixtures.state()
        #expect(update(&state, .key(.character("E"))) == [.request(.exportONNX)])
        #expect(state.notice == nil)
    }

    @Test func beforeTheFirstSnapshotItSaysSo() {
        var state = Fixtures.state(snapshot: nil)
        #expect(update(&state, .key(.character("E"))).isEmpty)
        #expect(state.notice == .problem("nothing to export as ONNX before the first snapshot"))
    }
}
