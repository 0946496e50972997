// Wide-character curses needs these before the header is included.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects reading curses' global variables as shared mutable state, and
// function-like macros do not import, so these accessors stand in for them.
static inline WINDOW *zof_stdscr(void) { return stdscr; }
static inline int zof_lines(void) { return LINES; }
static inline int zof_cols(void) { return COLS; }
static inline int zof_colors(void) { return COLORS; }
static inline int zof_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t zof_color_pair(short pair) { return COLOR_PAIR(pair); }

// Attribute macros expand to expressions Swift does not import.
static inline attr_t zof_attr_bold(void) { return A_BOLD; }
static inline attr_t zof_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t zof_attr_reverse(void) { return A_REVERSE; }
static inline attr_t zof_attr_dim(void) { return A_DIM; }
static inline attr_t zof_attr_normal(void) { return A_NORMAL; }

// The C standard streams are global variables, which Swift 6 rejects like curses' own.
static inline FILE *zof_stdin_file(void) { return stdin; }
static inline FILE *zof_stdout_file(void) { return stdout; }
