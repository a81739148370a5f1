#ifndef PAMPHLET_CNCURSESW_SHIM_H
#define PAMPHLET_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's feature macros: define them before the header or the wide API vanishes.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and C globals do not import cleanly under Swift 6 strict concurrency: wrap each.
static inline WINDOW *pamphlet_stdscr(void) { return stdscr; }
static inline int pamphlet_lines(void) { return LINES; }
static inline int pamphlet_cols(void) { return COLS; }
static inline int pamphlet_colors(void) { return COLORS; }
static inline int pamphlet_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t pamphlet_a_normal(void) { return A_NORMAL; }
static inline attr_t pamphlet_a_bold(void) { return A_BOLD; }
static inline attr_t pamphlet_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pamphlet_a_reverse(void) { return A_REVERSE; }
static inline attr_t pamphlet_a_dim(void) { return A_DIM; }
static inline attr_t pamphlet_a_italic(void) { return A_ITALIC; }
static inline attr_t pamphlet_a_standout(void) { return A_STANDOUT; }
static inline int pamphlet_color_pair(int n) { return COLOR_PAIR(n); }
static inline int pamphlet_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t pamphlet_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t pamphlet_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t pamphlet_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t pamphlet_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t pamphlet_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t pamphlet_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int pamphlet_key_f(int n) { return KEY_F(n); }
#endif
