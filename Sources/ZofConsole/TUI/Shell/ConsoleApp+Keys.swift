/// Key dispatch: the active mode first, then the pane's table, navigation and global keys.
extension ConsoleApp {
  func handleKey(_ key: Key) {
    if key == .resize {
      setNeedsRedraw()
      return
    }
    markMessageSeen()
    switch mode {
    case .normal: handleNormalKey(key)
    case .command(let editor): handleCommandKey(key, editor: editor)
    case .filter(let editor): handleFilterKey(key, editor: editor)
    case .help(let scroll): handleHelpKey(key, scroll: scroll)
    case .prompt(let prompt, let onAnswer): handlePromptKey(key, prompt: prompt, onAnswer: onAnswer)
    }
  }

  private func handleNormalKey(_ key: Key) {
    for table in keyTables {
      switch table.lookup(key, readOnly: readOnly) {
      case .unbound:
        continue
      case .rejected(let description, let key):
        show(.warning, "read-only mode: \(key) (\(description)) changes state and is disabled")
        return
      case .action(let action):
        perform(action)
        return
      }
    }
  }

  /// Performs an action: pane actions go to the pane, shell actions are handled here.
  func perform(_ action: ActionID) {
    if let number = action.paneNumber {
      showPane(at: number - 1)
      return
    }
    switch action {
    case .nextPane: showPane(at: panes.isEmpty ? 0 : (activeIndex + 1) % panes.count)
    case .previousPane:
      showPane(at: panes.isEmpty ? 0 : (activeIndex + panes.count - 1) % panes.count)
    case .commandMode: enter(.command(LineEditor(history: commandHistory)))
    case .filterMode: enter(.filter(LineEditor(text: filters[safe: activeIndex] ?? "")))
    case .help: enter(.help(ScrollState()))
    case .refresh:
      // The console's own `:refresh` also re-reads the catalog and the policy.
      apply(commandHandler?("refresh") ?? [.reload, .message(.info, "refreshed")])
    case .quit: apply([.quit])
    default:
      if let reactions = activePane?.handle(action) {
        apply(reactions)
      } else if action == .back {
        apply([.quit])
      }
    }
  }

  private func enter(_ newMode: Mode) {
    mode = newMode
    setNeedsRedraw()
  }

  // MARK: - Modes

  private func handleCommandKey(_ key: Key, editor: LineEditor) {
    var editor = editor
    switch key {
    case .escape:
      enter(.normal)
      return
    case .enter:
      let line = editor.submit()
      commandHistory = editor.history
      enter(.normal)
      apply(runCommand(line))
      return
    case .tab:
      let matches = editor.completeFirstWord(from: allCommandNames)
      if matches.count > 1 { show(.info, matches.joined(separator: "  ")) }
      if matches.isEmpty { show(.warning, "no command starts with \"\(editor.text)\"") }
    default:
      editor.handle(key)
    }
    enter(.command(editor))
  }

  private func handleFilterKey(_ key: Key, editor: LineEditor) {
    var editor = editor
    switch key {
    case .enter:
      enter(.normal)
      return
    case .escape:
      updateFilter("")
      enter(.normal)
      return
    default:
      guard editor.handle(key) else { return }
    }
    enter(.filter(editor))
    updateFilter(editor.text)
  }

  private func updateFilter(_ text: String) {
    guard let pane = activePane else { return }
    filters[activeIndex] = text
    apply(pane.setFilter(text))
    setNeedsRedraw()
  }

  private func handleHelpKey(_ key: Key, scroll: ScrollState) {
    var scroll = scroll
    switch key {
    case .escape, .character("q"), .character("?"), .function(1):
      enter(.normal)
      return
    default:
      if case .action(let action) = KeyTable.navigation.lookup(key, readOnly: true) {
        _ = scroll.handle(action)
      }
    }
    enter(.help(scroll))
  }

  private func handlePromptKey(
    _ key: Key, prompt: PromptLine, onAnswer: @escaping @MainActor (String) -> [Reaction]
  ) {
    var prompt = prompt
    switch prompt.handle(key) {
    case .editing:
      enter(.prompt(prompt, onAnswer: onAnswer))
    case .cancelled:
      enter(.normal)
      show(.info, prompt.cancelMessage)
    case .submitted(let answer):
      enter(.normal)
      apply(onAnswer(answer))
    }
  }
}

extension Array {
  subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
