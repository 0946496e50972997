import Foundation
import Testing
import ZofCore

@testable import ZofConsole

struct ThemeTests {
  static let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

  static let shippedNames = ["default", "light", "high-contrast", "monochrome"]

  @Test(arguments: shippedNames)
  func shippedThemeValidatesAndSetsEveryRole(name: String) throws {
    let path = Self.themesFolder.appendingPathComponent("\(name).theme").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let theme = try ThemeParser.parse(text, name: name, file: path)
    #expect(theme.definedRoles == Set(ThemeRole.allCases))
  }

  @Test(arguments: ["default", "monochrome"])
  func builtinCopyMatchesFile(name: String) throws {
    let path = Self.themesFolder.appendingPathComponent("\(name).theme").path
    let file = try String(contentsOfFile: path, encoding: .utf8)
    let builtin = name == "default" ? BuiltinThemes.defaultText : BuiltinThemes.monochromeText
    #expect(builtin + "\n" == file)
  }

  @Test func parsesColoursAndAttributes() throws {
    let theme = try ThemeParser.parse(
      "# comment\n\nheader fg=bright-white bg=24 bold underline  # trailing\nok fg=Green\n",
      name: "t", file: "t.theme")
    #expect(theme.style(for: .header)
      == RoleStyle(foreground: .indexed(15), background: .indexed(24),
                   attributes: [.bold, .underline]))
    #expect(theme.style(for: .ok).foreground == .indexed(2))
    #expect(theme.style(for: .failed) == BuiltinThemes.defaultTheme.style(for: .failed))
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { name }
  }

  static let badCases: [BadCase] = [
    BadCase(name: "unknown role", text: "text fg=default\nheder fg=red\n", line: 2, column: 1,
            message: "unknown role \"heder\""),
    BadCase(name: "bad colour name", text: "ok fg=purple\n", line: 1, column: 4,
            message: "invalid colour \"purple\""),
    BadCase(name: "colour out of range", text: "\n\nok bg=256\n", line: 3, column: 4,
            message: "invalid colour \"256\""),
    BadCase(name: "unknown attribute", text: "ok   blink\n", line: 1, column: 6,
            message: "invalid value \"blink\""),
    BadCase(name: "role twice", text: "ok fg=red\nok fg=green\n", line: 2, column: 1,
            message: "role \"ok\" is set twice"),
  ]

  @Test(arguments: badCases)
  func invalidThemeNamesFileLineAndValue(_ testCase: BadCase) {
    do {
      _ = try ThemeParser.parse(testCase.text, name: "bad", file: "/tmp/bad.theme")
      Issue.record("parsing succeeded")
    } catch {
      let first = error.errors.first
      #expect(first?.location
        == SourceLocation(file: "/tmp/bad.theme", line: testCase.line, column: testCase.column))
      #expect(first?.message == testCase.message)
      #expect(error.description.hasPrefix(
        "/tmp/bad.theme:\(testCase.line):\(testCase.column): \(testCase.message)"))
    }
  }

  @Test func everyErrorOfAFileIsReported() {
    #expect(throws: InputErrors.self) {
      try ThemeParser.parse("a fg=x\nb\n", name: "bad", file: "f")
    }
    do {
      _ = try ThemeParser.parse("a fg=x\nok fg=x bg=y\n", name: "bad", file: "f")
    } catch {
      #expect(error.errors.count == 3)
    }
  }

  @Test func colourNamesAndFallback() {
    #expect(ThemeColor(name: "default") == .terminalDefault)
    #expect(ThemeColor(name: "bright-blue") == .indexed(12))
    #expect(ThemeColor(name: "grey") == .indexed(8))
    #expect(ThemeColor(name: "-1") == nil)
    #expect(ThemeColor.indexed(196).number(forTerminalColors: 256) == 196)
    #expect(ThemeColor.indexed(196).number(forTerminalColors: 8) == 1)
    #expect(ThemeColor.indexed(12).number(forTerminalColors: 8) == 4)
    #expect(ThemeColor.indexed(250).number(forTerminalColors: 8) == 7)
    #expect(ThemeColor.terminalDefault.number(forTerminalColors: 8) == -1)
  }
}

/// Theme lookup through real temporary folders.
struct ThemeResolverTests {
  private func makeFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("zof-theme-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  private func write(_ text: String, to folder: URL, name: String) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try text.write(to: folder.appendingPathComponent("\(name).theme"), atomically: true,
                   encoding: .utf8)
  }

  @Test func userFolderWinsOverZofThemes() throws {
    let root = try makeFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let config = root.appendingPathComponent("config")
    let shared = root.appendingPathComponent("shared")
    try write("ok fg=red\n", to: config.appendingPathComponent("zof/themes"), name: "mine")
    try write("ok fg=blue\n", to: shared, name: "mine")
    try write("ok fg=green\n", to: shared, name: "other")
    let resolver = ThemeResolver(
      environment: ["XDG_CONFIG_HOME": config.path, "ZOF_THEMES": shared.path],
      executablePath: nil)
    #expect(try resolver.load("mine").style(for: .ok).foreground == .indexed(1))
    #expect(try resolver.load("other").style(for: .ok).foreground == .indexed(2))
  }

  @Test func packageFolderFoundFromExecutable() throws {
    let root = try makeFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try write("ok fg=red\n", to: root.appendingPathComponent("share/zof/themes"), name: "default")
    let binary = root.appendingPathComponent("bin/zof")
    let resolver = ThemeResolver(environment: ["HOME": root.path], executablePath: binary.path)
    #expect(resolver.packageFolder() == root.appendingPathComponent("share/zof/themes").path)
    #expect(try resolver.load("default").source.hasPrefix(root.path))
  }

  @Test func missingThemeFallsBackToBuiltin() throws {
    let root = try makeFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let resolver = ThemeResolver(environment: ["HOME": root.path], executablePath: nil)
    let resolution = resolver.resolve("nosuch")
    #expect(resolution.theme == BuiltinThemes.defaultTheme)
    #expect(resolution.warnings.count == 1)
    #expect(resolution.warnings.first?.hasPrefix("theme \"nosuch\" not found") == true)
    #expect(resolver.resolve(nil).theme == BuiltinThemes.defaultTheme)
  }

  @Test func invalidFileFallsBackWithLocation() throws {
    let root = try makeFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try write("ok fg=nope\n", to: root, name: "broken")
    let resolver = ThemeResolver(environment: ["HOME": root.path, "ZOF_THEMES": root.path],
                                 executablePath: nil)
    let resolution = resolver.resolve("broken")
    #expect(resolution.theme.name == "default")
    let path = root.appendingPathComponent("broken.theme").path
    #expect(resolution.warnings.first?.hasPrefix("\(path):1:4: invalid colour \"nope\"") == true)
  }

  @Test func noColorSelectsMonochrome() {
    let resolver = ThemeResolver(environment: ["NO_COLOR": "1", "HOME": "/nonexistent"],
                                 executablePath: nil)
    #expect(resolver.resolve("light").theme.name == "monochrome")
    let empty = ThemeResolver(environment: ["NO_COLOR": "", "HOME": "/nonexistent"],
                              executablePath: nil)
    #expect(!empty.colorsDisabled)
  }

  @Test func rejectsNamesThatLookLikePaths() {
    #expect(ThemeResolver.isValidName("high-contrast"))
    #expect(!ThemeResolver.isValidName(".hidden"))
    #expect(!ThemeResolver.isValidName(""))
    #expect(!ThemeResolver.isValidName("a b"))
  }
}
