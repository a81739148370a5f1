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
#include <stdio.h>
#include <langinfo.h>
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
static inline mmask_t pamphlet_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t pamphlet_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }

// Session set-up: newterm on the process's own stdio (the FILE globals are not Swift-6 safe).
static inline SCREEN *pamphlet_newterm(const char *type) { return newterm(type, stdout, stdin); }
static inline const char *pamphlet_codeset(void) { return nl_langinfo(CODESET); }
static inline void pamphlet_getmaxyx(int *y, int *x) { int h, w; getmaxyx(stdscr, h, w); *y = h; *x = w; }
static inline int pamphlet_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int pamphlet_intrflush_off(void) { return intrflush(stdscr, FALSE); }
static inline void pamphlet_timeout(int ms) { wtimeout(stdscr, ms); }
static inline int pamphlet_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }

// Painting.
static inline int pamphlet_set_style(attr_t attrs, int pair) { return wattr_set(stdscr, attrs, (NCURSES_PAIRS_T)pair, NULL); }
static inline int pamphlet_mvaddnwstr(int y, int x, const wchar_t *s, int n) { return mvwaddnwstr(stdscr, y, x, s, n); }
static inline int pamphlet_refresh(void) { return wrefresh(stdscr); }
/// Wipes the screen on the next refresh (the physical screen too, not just ncurses' idea of it).
static inline void pamphlet_clear_all(void) { wclear(stdscr); clearok(curscr, TRUE); }
/// A terminfo string capability, or NULL when absent or cancelled.
static inline const char *pamphlet_tigetstr(const char *cap) {
    char *s = tigetstr(cap);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}
/// Bytes straight to the terminal, past ncurses (mode switches it does not know about).
static inline void pamphlet_write_raw(const char *s) { fflush(stdout); fputs(s, stdout); fflush(stdout); }
/// A terminfo string through tputs, which turns its padding ("$<50>" in vt100's clear) into a delay
/// or pad characters instead of printing it.
static inline void pamphlet_putp(const char *s) { fflush(stdout); putp(s); fflush(stdout); }
#endif
