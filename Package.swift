// swift-tools-version:6.0
import PackageDescription

// Every C dependency comes from a Debian `-dev` package through a system-library target;
// the package manager fetches nothing.
let package = Package(
  name: "Zof",
  products: [
    .executable(name: "zof", targets: ["ZofConsole"]),
    .library(name: "ZofCore", targets: ["ZofCore"]),
  ],
  targets: [
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
    .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
    .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    .systemLibrary(name: "CPosix", path: "Sources/CPosix"),
    .target(
      name: "ZofCore",
      dependencies: ["CSQLite", "CYAML", "COpenSSL", "CPosix"]
    ),
    .executableTarget(
      name: "ZofBench",
      dependencies: ["ZofCore"]
    ),
    .executableTarget(
      name: "ZofConsole",
      dependencies: ["ZofCore", "CNcurses"]
    ),
    .executableTarget(
      name: "ZofGraphBench",
      dependencies: ["ZofCore"]
    ),
    .executableTarget(
      name: "ZofAuditBench",
      dependencies: ["ZofCore"]
    ),
    .executableTarget(
      name: "ZofConsoleBench",
      dependencies: ["ZofCore"]
    ),
    .executableTarget(
      name: "ZofStartFloor",
      dependencies: ["CSQLite"]
    ),
    .testTarget(
      name: "ZofCoreTests",
      dependencies: ["ZofCore"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "ZofConsoleTests",
      dependencies: ["ZofConsole", "ZofCore"],
      // Expected screens are read from the source tree by path, not bundled.
      exclude: ["Screens"]
    ),
  ]
)
