import Foundation

// The console's development demo (ZOF_TUI_DEMO=1) runs before the CLI.
ConsoleDemo.runIfRequested()

exit(CommandLineTool.main(Array(CommandLine.arguments.dropFirst())))
