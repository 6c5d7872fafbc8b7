import Testing
import TerminalUI

@Suite struct GeometryTests {
    @Test func negativeSidesClampToZero() {
        let r = Rect(x: 3, y: 4, width: -2, height: 5)
        #expect(r.width == 0)
        #expect(r.isEmpty)
        #expect(!Rect(x: 0, y: 0, width: 1, height: 1).isEmpty)
    }

    @Test func insetShrinksEverySide() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(r.inset(by: 2) == Rect(x: 4, y: 5, width: 6, height: 0))
        #expect(r.inset(by: 2).isEmpty)
        #expect(r.inset(by: 6).width == 0)
    }

    @Test func splitTopKeepsTheRowsTogether() {
        let r = Rect(x: 2, y: 3, width: 10, height: 8)
        let (top, rest) = r.splitTop(3)
        #expect(top == Rect(x: 2, y: 3, width: 10, height: 3))
        #expect(rest == Rect(x: 2, y: 6, width: 10, height: 5))
        #expect(r.splitTop(20) == (r, Rect(x: 2, y: 11, width: 10, height: 0)))
        #expect(r.splitTop(-1) == (Rect(x: 2, y: 3, width: 10, height: 0), r))
    }

    @Test func splitLeftKeepsTheColumnsTogether() {
        let r = Rect(x: 2, y: 3, width: 10, height: 8)
        let (left, rest) = r.splitLeft(4)
        #expect(left == Rect(x: 2, y: 3, width: 4, height: 8))
        #expect(rest == Rect(x: 6, y: 3, width: 6, height: 8))
        #expect(r.splitLeft(11) == (r, Rect(x: 12, y: 3, width: 0, height: 8)))
        #expect(r.splitLeft(-3) == (Rect(x: 2, y: 3, width: 0, height: 8), r))
    }

    @Test func centeredSitsInTheMiddleAndIsClipped() {
        let r = Rect(x: 1, y: 1, width: 10, height: 6)
        #expect(r.centered(Size(width: 4, height: 2)) == Rect(x: 4, y: 3, width: 4, height: 2))
        #expect(r.centered(Size(width: 3, height: 3)) == Rect(x: 4, y: 2, width: 3, height: 3))
        #expect(r.centered(Size(width: 40, height: 2)) == Rect(x: 1, y: 3, width: 10, height: 2))
        #expect(r.centered(Size(width: 40, height: 40)) == r)
    }

    @Test func containsIsHalfOpen() {
        let r = Rect(x: 2, y: 3, width: 2, height: 2)
        #expect(r.contains(x: 2, y: 3))
        #expect(r.contains(x: 3, y: 4))
        #expect(!r.contains(x: 4, y: 3))
        #expect(!r.contains(x: 2, y: 5))
        #expect(!r.contains(x: 1, y: 3))
        #expect(!Rect(x: 0, y: 0, width: 0, height: 5).contains(x: 0, y: 0))
    }

    @Test func sizeCoversAndDescribes() {
        let minimum = Size(width: 60, height: 18)
        #expect(Size(width: 60, height: 18).covers(minimum))
        #expect(Size(width: 200, height: 50).covers(minimum))
        #expect(!Size(width: 59, height: 50).covers(minimum))
        #expect(!Size(width: 200, height: 17).covers(minimum))
        #expect(minimum.description == "60×18")
    }
}
