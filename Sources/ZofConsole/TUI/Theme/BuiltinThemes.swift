/// Themes compiled into the binary, so the console starts without any theme file.
///
/// The texts are copies of `themes/default.theme` and `themes/monochrome.theme`; a test
/// checks that they still match the files.
enum BuiltinThemes {
  static let defaultTheme = parsed(name: "default", text: defaultText)
  static let monochromeTheme = parsed(name: "monochrome", text: monochromeText)

  /// Returns the built-in theme called `name`, if there is one.
  static func named(_ name: String) -> Theme? {
    switch name {
    case "default": defaultTheme
    case "monochrome": monochromeTheme
    default: nil
    }
  }

  private static func parsed(name: String, text: String) -> Theme {
    do {
      return try ThemeParser.parse(text, name: name, file: "built-in")
    } catch {
      // Unreachable while the shipped-theme test passes; an empty theme still draws text.
      return Theme(name: name, source: "built-in", styles: [:])
    }
  }

  static let defaultText = """
    # Zof theme "default": for dark terminal backgrounds.
    # Format: themes/README.md. One line per role: ROLE fg=COLOR bg=COLOR ATTRIBUTES.

    text           fg=default        bg=default
    muted          fg=245            bg=default
    accent         fg=bright-cyan    bg=default  bold
    header         fg=bright-white   bg=24       bold
    border         fg=240            bg=default
    tab            fg=250            bg=236
    tab-active     fg=bright-white   bg=31       bold
    selected       fg=black          bg=bright-cyan
    footer         fg=250            bg=236
    prompt         fg=bright-white   bg=default  bold
    ok             fg=bright-green   bg=default
    failed         fg=bright-red     bg=default  bold
    flaky          fg=214            bg=default
    running        fg=bright-blue    bg=default
    pending        fg=245            bg=default
    warning        fg=bright-yellow  bg=default
    error          fg=bright-red     bg=default  bold
    info           fg=bright-cyan    bg=default
    progress       fg=bright-blue    bg=default
    risk-low       fg=green          bg=default
    risk-medium    fg=yellow         bg=default
    risk-high      fg=208            bg=default  bold
    risk-critical  fg=bright-white   bg=160      bold
    """

  static let monochromeText = """
    # Zof theme "monochrome": attributes only, no colours. Used when NO_COLOR is set or the
    # terminal has no colours.
    # Format: themes/README.md. One line per role: ROLE fg=COLOR bg=COLOR ATTRIBUTES.

    text           fg=default  bg=default
    muted          fg=default  bg=default  dim
    accent         fg=default  bg=default  bold
    header         fg=default  bg=default  reverse bold
    border         fg=default  bg=default  dim
    tab            fg=default  bg=default
    tab-active     fg=default  bg=default  reverse bold
    selected       fg=default  bg=default  reverse
    footer         fg=default  bg=default  reverse
    prompt         fg=default  bg=default  bold
    ok             fg=default  bg=default
    failed         fg=default  bg=default  bold underline
    flaky          fg=default  bg=default  underline
    running        fg=default  bg=default  bold
    pending        fg=default  bg=default  dim
    warning        fg=default  bg=default  bold
    error          fg=default  bg=default  bold underline
    info           fg=default  bg=default
    progress       fg=default  bg=default  bold
    risk-low       fg=default  bg=default  dim
    risk-medium    fg=default  bg=default
    risk-high      fg=default  bg=default  bold
    risk-critical  fg=default  bg=default  bold underline
    """
}
