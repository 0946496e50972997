import Foundation
import ZofCore

/// Finds a theme by name and loads it, falling back to the built-in default so the console
/// always starts.
///
/// A name is looked up as `NAME.theme` in these folders, first match wins:
/// 1. `$XDG_CONFIG_HOME/zof/themes`, or `~/.config/zof/themes` when XDG_CONFIG_HOME is unset;
/// 2. `$ZOF_THEMES`, when set;
/// 3. the package's `themes/` folder, found by walking up from the executable's real path
///    and checking `themes/` and `share/zof/themes/` in each ancestor, so both a build in
///    `.build/debug/zof` and an install as `PREFIX/bin/zof` with `PREFIX/share/zof/themes`
///    find it;
/// 4. the themes compiled into the binary (`default` and `monochrome`).
/// A name containing `/` is read as a file path instead.
struct ThemeResolver {
  /// A loaded theme and the problems met on the way, for the footer.
  struct Resolution {
    var theme: Theme
    var warnings: [String]
  }

  var environment: [String: String]
  /// The running executable, used to find the package's `themes/` folder.
  var executablePath: String?

  init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = Bundle.main.executablePath
  ) {
    self.environment = environment
    self.executablePath = executablePath
  }

  /// Whether NO_COLOR requests no colours (no-color.org: set and not empty).
  var colorsDisabled: Bool {
    !(environment["NO_COLOR"] ?? "").isEmpty
  }

  /// Loads the theme called `requested` (nil means `default`). With NO_COLOR set, the
  /// `monochrome` theme is used whatever was requested. Never fails: a missing or invalid
  /// theme yields the built-in default and a warning.
  func resolve(_ requested: String?) -> Resolution {
    let name = colorsDisabled ? "monochrome" : (requested ?? "default")
    do {
      return Resolution(theme: try load(name), warnings: [])
    } catch {
      let fallback = BuiltinThemes.named(name) ?? BuiltinThemes.defaultTheme
      let message = "\(error); using the built-in \(fallback.name) theme"
      return Resolution(theme: fallback, warnings: [message])
    }
  }

  /// Loads the theme called `name` from the first folder that has it, or from the built-in
  /// themes. Throws `InputErrors` for an invalid file and `InputError` when none is found.
  func load(_ name: String) throws -> Theme {
    if name.contains("/") {
      return try loadFile(path: name, name: ((name as NSString).lastPathComponent as NSString)
        .deletingPathExtension)
    }
    guard Self.isValidName(name) else {
      throw InputError(
        "invalid theme name \"\(name)\"",
        hint: "use letters, digits, '-', '_' or '.', or a path containing '/'")
    }
    for folder in searchFolders() {
      let path = (folder as NSString).appendingPathComponent("\(name).theme")
      if FileManager.default.fileExists(atPath: path) {
        return try loadFile(path: path, name: name)
      }
    }
    if let builtin = BuiltinThemes.named(name) { return builtin }
    let folders = searchFolders().joined(separator: ", ")
    throw InputError(
      "theme \"\(name)\" not found",
      hint: "searched \(folders.isEmpty ? "no folders" : folders) and the built-in themes")
  }

  /// Returns the folders searched, in order, leaving out folders that do not exist.
  func searchFolders() -> [String] {
    var folders: [String] = [userFolder()]
    if let override = environment["ZOF_THEMES"], !override.isEmpty {
      folders.append(override)
    }
    if let packaged = packageFolder() { folders.append(packaged) }
    var seen = Set<String>()
    return folders.filter { folder in
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
      return exists && isDirectory.boolValue && seen.insert(folder).inserted
    }
  }

  /// Returns the user's theme folder under XDG_CONFIG_HOME (or `~/.config`).
  func userFolder() -> String {
    let configHome: String
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      configHome = xdg
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      configHome = (home as NSString).appendingPathComponent(".config")
    }
    return (configHome as NSString).appendingPathComponent("zof/themes")
  }

  /// Finds the package's `themes/` folder near the executable.
  func packageFolder() -> String? {
    guard let executablePath else { return nil }
    let real = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    var folder = real.deletingLastPathComponent()
    // Six levels reach the package root from `.build/<triple>/debug/zof` with room to spare.
    for _ in 0..<6 {
      for candidate in ["themes", "share/zof/themes"] {
        let themes = folder.appendingPathComponent(candidate)
        let marker = themes.appendingPathComponent("default.theme").path
        if FileManager.default.fileExists(atPath: marker) { return themes.path }
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return nil
  }

  private func loadFile(path: String, name: String) throws -> Theme {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError("cannot read theme file \(path)", hint: "check that it is readable")
    }
    return try ThemeParser.parse(String(decoding: data, as: UTF8.self), name: name, file: path)
  }

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && name.allSatisfy { character in
      character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
    }
  }
}
