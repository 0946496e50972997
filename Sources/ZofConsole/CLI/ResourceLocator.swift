import Foundation

/// Finds the folders zof ships beside its sources (`sample-data`, `themes`).
///
/// `ZOF_HOME` names the folder that holds them; otherwise the folders above the executable's
/// real path are searched, which finds the checkout for `.build/debug/zof` and for a
/// symlink to it.
enum ResourceLocator {
  static func folder(_ name: String, environment: [String: String]) -> String? {
    if let home = environment["ZOF_HOME"], !home.isEmpty {
      let candidate = (home as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
    var url = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath()
    for _ in 0..<6 {
      url.deleteLastPathComponent()
      let candidate = url.appendingPathComponent(name).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    return nil
  }

  private static func executablePath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
    return CommandLine.arguments[0]
  }
}
