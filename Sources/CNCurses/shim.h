#ifndef NNTOP_CNCURSES_SHIM_H
#define NNTOP_CNCURSES_SHIM_H

/* Wide-character API: must be defined before curses.h, or mvwaddnwstr, wget_wch and cchar_t are missing. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>

/* One named accessor per macro or global Swift cannot import (or cannot use under strict concurrency). */
static inline WINDOW *nntop_stdscr(void) { return stdscr; }
static inline int nntop_lines(void) { return LINES; }
static inline int nntop_cols(void) { return COLS; }
static inline int nntop_colors(void) { return COLORS; }
static inline int nntop_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t nntop_a_normal(void) { return A_NORMAL; }
static inline attr_t nntop_a_bold(void) { return A_BOLD; }
static inline attr_t nntop_a_dim(void) { return A_DIM; }
static inline attr_t nntop_a_reverse(void) { return A_REVERSE; }
static inline attr_t nntop_a_underline(void) { return A_UNDERLINE; }

static inline int nntop_key_resize(void) { return KEY_RESIZE; }
static inline int nntop_key_up(void) { return KEY_UP; }
static inline int nntop_key_down(void) { return KEY_DOWN; }
static inline int nntop_key_left(void) { return KEY_LEFT; }
static inline int nntop_key_right(void) { return KEY_RIGHT; }
static inline int nntop_key_npage(void) { return KEY_NPAGE; }
static inline int nntop_key_ppage(void) { return KEY_PPAGE; }
static inline int nntop_key_home(void) { return KEY_HOME; }
static inline int nntop_key_end(void) { return KEY_END; }
static inline int nntop_key_backspace(void) { return KEY_BACKSPACE; }
static inline int nntop_key_dc(void) { return KEY_DC; }
static inline int nntop_key_btab(void) { return KEY_BTAB; }
static inline int nntop_key_enter(void) { return KEY_ENTER; }
static inline int nntop_key_f1(void) { return KEY_F(1); }
static inline int nntop_key_mouse(void) { return KEY_MOUSE; }
static inline int nntop_key_code_yes(void) { return KEY_CODE_YES; }
static inline int nntop_err(void) { return ERR; }

static inline mmask_t nntop_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nntop_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t nntop_wheel_up(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t nntop_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t nntop_wheel_down(void) { return 0; }
#endif

/* newterm on the process's own stdin/stdout (the FILE globals are not concurrency-safe from Swift). */
static inline SCREEN *nntop_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline const char *nntop_codeset(void) { return nl_langinfo(CODESET); }

/* setcchar + mvwadd_wch for one cell, so Swift need not build cchar_t itself. */
static inline int nntop_put_cell(WINDOW *w, int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, pair, NULL);
    return mvwadd_wch(w, y, x, &cell);
}

#endif
