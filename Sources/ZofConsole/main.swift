import ZofCore

// The console's development demo (ZOF_TUI_DEMO=1) runs before the CLI.
ConsoleDemo.runIfRequested()

print("zof")
