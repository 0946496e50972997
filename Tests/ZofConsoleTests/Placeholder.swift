import Testing

@Test func consoleModuleBuilds() {
  #expect(Bool(true))
}
