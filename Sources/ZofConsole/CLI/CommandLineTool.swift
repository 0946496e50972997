import Foundation
import ZofCore

/// The `zof` entry point: parses the command line, runs the command, maps errors to exit
/// statuses.
enum CommandLineTool {
  static let version = "0.1.0"

  /// Every top-level command, in the order `zof help` lists them.
  static var commands: [CommandSpec] {
    [
      InitCommand.spec,
      GraphCommand.spec,
      ImpactCommand.spec,
      PlanCommand.spec,
      RunCommand.spec,
      RunsCommand.spec,
      LogsCommand.spec,
      ReproCommand.spec,
      BisectCommand.spec,
      RemediateCommand.spec,
      ProposalsCommand.spec,
      CheckExecCommand.spec,
      PolicyCommand.spec,
      ApprovalsCommand.spec,
      ApprovalsCommand.approveSpec,
      ApprovalsCommand.rejectSpec,
      AuditCommand.spec,
      GCCommand.spec,
      ReadinessCommand.spec,
      ReadinessCommand.signoffSpec,
      DemoCommand.spec,
      ConsoleCommand.spec,
      HelpCommand.spec,
    ]
  }

  static func main(_ arguments: [String]) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let currentDirectory = FileManager.default.currentDirectoryPath
    do {
      let (parsed, command) = try ArgumentParser.parse(arguments, commands: commands)
      if parsed.global.version {
        Console.out("zof \(version)")
        return ExitStatus.success
      }
      // Bare `zof` on a terminal opens the console; otherwise it prints the overview.
      guard let command = command ?? (ConsoleCommand.terminalAttached && !parsed.global.help
                                        ? ConsoleCommand.spec : nil)
      else {
        Console.out(HelpFormatter.overview(commands))
        return ExitStatus.success
      }
      if parsed.global.help {
        Console.out(HelpFormatter.command(command, path: parsed.commandPath))
        return ExitStatus.success
      }
      let invocation = Invocation(arguments: parsed, environment: environment,
                                  currentDirectory: currentDirectory)
      let status = try command.run(invocation)
      invocation.logger().debug("command.finish", [
        ("command", parsed.commandPath.joined(separator: ".")), ("status", status),
      ])
      return status
    } catch {
      return ErrorPresenter.present(error)
    }
  }
}

enum HelpCommand {
  static let spec = CommandSpec(
    name: "help", summary: "show the commands, or one command's options",
    usage: "[COMMAND]", positionals: ["[COMMAND]"], positionalRange: 0...1
  ) { invocation in
    let commands = CommandLineTool.commands
    guard let name = invocation.arguments.positionals.first else {
      Console.out(HelpFormatter.overview(commands))
      return ExitStatus.success
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      let hint = Suggestion.closest(to: name, in: commands.map(\.name))
      throw UsageError("unknown command `\(name)`", hint: hint.map { "did you mean `\($0)`?" })
    }
    Console.out(HelpFormatter.command(command, path: [name]))
    return ExitStatus.success
  }
}
