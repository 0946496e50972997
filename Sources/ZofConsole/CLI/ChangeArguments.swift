import ZofCore

/// The change a command looks at: `--base REF [--head REF]` or `--paths P...`.
struct ChangeArguments {
  var paths: [String]
  /// How the change was given, for headings and run records: `base...head` or `paths`.
  var description: String
  var base: String?
  var head: String?

  static let options: [OptionSpec] = [
    .value("--base", "REF", "compare against this git revision (git diff base...head)"),
    .value("--head", "REF", "the revision that holds the change", default: "HEAD"),
    .list("--paths", "PATH", "changed paths relative to the repository, instead of git"),
  ]

  /// Reads the change from the arguments; throws a usage error when none or both are given.
  static func read(_ invocation: Invocation, command: String) throws -> ChangeArguments {
    let arguments = invocation.arguments
    let paths = arguments.list("--paths")
    let base = arguments.value("--base")
    if !paths.isEmpty && base != nil {
      throw UsageError("give either --base or --paths, not both", command: command)
    }
    if !paths.isEmpty {
      return ChangeArguments(paths: paths, description: "paths", base: nil, head: nil)
    }
    guard let base else {
      throw UsageError("`zof \(command)` needs a change: --base REF [--head REF] or --paths P...",
                       hint: "for the last commit: --base HEAD~1", command: command)
    }
    let head = arguments.value("--head") ?? "HEAD"
    let git = Git(repositoryPath: try invocation.workspace().repositoryPath)
    let changed: [String]
    do {
      changed = try git.changedPaths(base: base, head: head)
    } catch let error as OperationError {
      throw InputError("cannot diff \(base)...\(head): \(error.message)",
                       hint: "check that both revisions exist in the repository")
    }
    return ChangeArguments(paths: changed, description: "\(base)...\(head)", base: base,
                           head: head)
  }
}
