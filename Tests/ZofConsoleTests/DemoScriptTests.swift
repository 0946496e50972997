import Foundation
import Testing

/// The whole loop on the sample: impact, run, repro, bisect, a validated revert, a refused
/// and an accepted approval, readiness and the audit trail.
struct DemoScriptTests {
  @Test func loopEndsAsExpected() throws {
    let folder = ScratchFolder("zof-demo-script")
    let result = try BinaryRunner.run(["demo", "loop", "--script"], in: folder.path)
    #expect(result.status == 0, "\(result.output)\n\(result.errors)")
    #expect(result.output.contains("demo finished: every step ended as expected"))
    #expect(result.output.contains("first bad commit:"))
    #expect(result.output.contains("Encode amounts without Decimal rounding"))
    #expect(result.errors.contains("is an author of the change"))
    #expect(result.output.contains("zof/fix/1 ("))
    #expect(result.output.contains("for staging: READY"))
    #expect(result.output.contains("audit chain intact"))
  }
}
