import CNcurses

/// Reading keys with `wget_wch` and naming them as `Key` values.
extension NcursesBackend {
  func readKey() -> Key? {
    var code: wint_t = 0
    let result = wget_wch(zof_stdscr(), &code)
    switch result {
    case KEY_CODE_YES: return Self.functionKey(Int32(code))
    case OK: return Self.characterKey(UInt32(code))
    default: return nil  // ERR: the timeout passed, or a signal interrupted the wait.
    }
  }

  /// Names a plain character code; Enter arrives as CR because of `nonl()`.
  static func characterKey(_ code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      guard let scalar = Unicode.Scalar(code + 96) else { return nil }
      return .control(Character(scalar))
    default:
      guard code >= 32, let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// Names a `KEY_*` code from keypad mode.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case KEY_RESIZE: return .resize
    case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
    default: return nil
    }
  }
}
