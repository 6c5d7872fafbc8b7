#!/usr/bin/env python3
# Writes the FuzzUpdate seed corpus, fuzz/corpus/update: a few sessions in the harness's input format (the
# comment at the top of Sources/FuzzUpdate/main.swift; this encoder must follow its decoder byte for byte).
#   python3 fuzz/update-seeds.py
import struct, os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus', 'update')

class E:
    def __init__(s): s.b = bytearray()
    def byte(s, v): s.b.append(v & 0xFF); return s
    def u16(s, v): s.b += struct.pack('<H', v & 0xFFFF); return s
    def u64(s, v): s.b += struct.pack('<Q', v & (2**64-1)); return s
    def raw(s, bs): s.b += bs; return s
    # finite(): tags
    def fin(s, name):
        tags = {'0':0,'-0':1,'1e308':2,'-1e308':3,'max':4,'-max':5,'sub':6,'-sub':7,'normal':8,'bigsub':9,
                '1':13,'0.5':14,'1e-308':15,'2^53':16,'intmax':17,'1e154':18}
        if isinstance(name, str): return s.byte(tags[name])
        if isinstance(name, int) and -128 <= name <= 127: return s.byte(11).byte(name)
        return s.byte(10).raw(struct.pack('<d', name))
    def any(s, name):
        sp = {'inf':0,'-inf':1,'nan':2}
        if name in sp: return s.byte(sp[name])
        return s.byte(3).fin(name)
    # count(): tags
    def cnt(s, v):
        named = {'min':0,'min+1':1,'max':2,'max-1':3,'half':4,4096:7,4097:8,100:9}
        if v in named: return s.byte(named[v])
        if isinstance(v, int) and 0 <= v < 65536: return s.byte(10).u16(v)
        return s.byte(6).u64(v)
    def opt(s, present): return s.byte(1 if present else 0)
    def filler(s, palette=(), share=1, seed=1, nonfinite=False):
        s.byte(len(palette))
        for p in palette: (s.any if nonfinite else s.fin)(p)
        return s.byte(share - 1).u64(seed)
    def rows(s, n, minimum):
        k = n - minimum
        if k < 12: return s.byte(k)
        if k < 600: return s.byte(200).u16(k)
        return s.byte(250).u16(k)
    def keys(s, text):
        for ch in text: s.byte(ord(ch))
        return s

ENTER, ESC, TAB, BACKTAB, BS, DEL, UP, DOWN, LEFT, RIGHT, PGUP, PGDN, HOME, END = range(14)
F1, FN, CTRL, CTRLC, UNI, MOUSE, MOUSEMAP, RESIZE, RESIZETINY = range(14, 23)
SNAP, EVOLVE, NOTICE, EXPIRE, DATA, REPEAT = range(23, 29)

WIDTHS = [0, 1, 2, 3, 29, 30, 31, 59, 60, 61, 99, 100, 101, 140, 141, 512]
HEIGHTS = [0, 1, 2, 3, 7, 8, 17, 18, 19, 29, 30, 31, 40, 60, 200, 256]
def size(e, w, h):
    if w in WIDTHS and h in HEIGHTS: return e.byte(0).byte(WIDTHS.index(w) | HEIGHTS.index(h) << 4)
    if 40 <= w <= 160 and 10 <= h <= 52: return e.byte(128).byte(w - 40).byte(h - 10)
    return e.byte(240).u16(w).u16(h)

def hidden_byte(width):
    # hiddenWidth in main.swift, inverted
    if width <= 4: return width - 1
    if width <= 16: return 192 + width - 1
    if width == 1024: return 254
    if width == 3000: return 255
    return next(b for b in range(248, 254) if b * 41 % 256 + 1 == width)

def header(e, ascii=False, colours=2, echo=True, snapshot=True, host=True, w=120, h=40, features=2,
           hidden=(), test=None, train=8, palette=(), stdz=0, names=None):
    e.byte((1 if ascii else 0) | (colours << 1) | (8 if echo else 0) | (16 if snapshot else 0) | (32 if host else 0))
    size(e, w, h)
    e.byte(features - 1 if features <= 4 else next(b for b in range(192, 256) if b % 40 == features - 1))
    for k in range(features):
        if names and k < len(names): e.byte(0).byte(4).byte(len(names[k])); [e.byte(0xFF).raw(struct.pack('<I', ord(c))) for c in names[k]]
        else: e.byte(1)
    e.byte(len(hidden))
    for w_ in hidden: e.byte(hidden_byte(w_))
    e.byte(1 if test is not None else 0)
    e.rows(train, 1)
    if test is not None: e.rows(test, 0)
    e.filler(palette, share=2 if palette else 1, seed=7)
    e.byte(stdz)
    e.byte(1).byte(0)   # noise 0
    return e

def snapshot(e, activation=1, params=(), iteration=100, limit=10000, state=0, lr='0.5', speed=None, batch='min',
             reports=20, test=False, events=2, interval=100):
    e.byte(activation).filler(params, share=2 if params else 1, seed=3)
    e.cnt(iteration)
    if limit is None: e.opt(False)
    else: e.opt(True).cnt(limit)
    e.byte(state).fin(lr)
    if speed is None: e.byte(0)
    else: e.byte(1).fin(speed)
    e.cnt(batch).any(100).u64(1).byte(0)
    e.opt(True).any('1')
    if test: e.opt(True).any('0.5')
    e.opt(True).byte(128)
    if test: e.opt(True).byte(200)
    e.opt(True).fin('1').opt(True).cnt(100)
    e.byte(1)  # capacity 512
    if reports < 40: e.byte(1).byte(reports)
    else: e.byte(0).u16(reports)
    e.cnt(100).cnt(100).filler(('inf', 'nan') if reports > 30 else (), share=4, seed=5, nonfinite=True)
    e.byte(events)
    for k in range(events):
        e.cnt(100 * (k + 1)).byte(k % 6)
        if k % 6 == 0: e.fin('0.5').fin('1')
        if k % 6 == 3: e.u64(2)
    e.cnt(interval).byte(0).fin('0')
    return e

seeds = {}

# The tutorial on a large screen: every command key, the help, the map and its cursor, the probe and the
# learning-rate field.
e = header(E()); snapshot(e)
e.keys('?').keys('x').keys('h').byte(F1).byte(ESC)
e.keys(' n+-=_><.,bBacrRlwd').keys('m').byte(LEFT).byte(UP).byte(RIGHT).byte(DOWN).keys('xy').byte(ESC)
e.byte(TAB).keys('2.5').byte(BS).byte(TAB).keys('-1e3').byte(BACKTAB).byte(ENTER)
e.keys('L').keys('0.03').byte(ENTER).keys('L').keys('abc').byte(ENTER).keys('L1e9').byte(ESC)
e.byte(UP).byte(DOWN).byte(PGUP).byte(PGDN).byte(HOME).byte(END).keys('seN[]]').byte(EXPIRE)
e.byte(MOUSEMAP).byte(10).byte(20).byte(MOUSE).byte(3).u16(5).byte(3).u16(30)
e.byte(CTRL).byte(1).byte(2).byte(CTRLC).keys('q').byte(EVOLVE).cnt(100).byte(0).filler(seed=9).byte(10).filler(seed=4)
seeds['tutorial-every-key'] = e.b

# ASCII, monochrome, 80x24: five features, two hidden layers, held-out rows, standardized.
e = header(E(), ascii=True, colours=0, w=80, h=24, features=5, hidden=(8, 4), test=3, train=30, stdz=1)
snapshot(e, activation=1, test=True, reports=60)
e.byte(TAB).keys('1').byte(TAB).keys('e').byte(TAB).byte(TAB).byte(TAB).byte(TAB).byte(UNI).byte(200).raw(struct.pack('<I', 0x1F600)).byte(ESC)
e.keys('a').keys('c').keys('?').keys('q').keys('m').byte(RESIZE); size(e, 140, 50); e.keys('m').byte(RIGHT).byte(DOWN).keys('ld')
e.byte(REPEAT).byte(40).byte(DOWN).byte(END).byte(RESIZETINY).byte(0x89).keys('w')
seeds['ascii-mono-deep'] = e.b

# The extremes: 40 features of ±1e308 and subnormals, batch Int.max, iteration Int.max, the greatest speed.
e = header(E(), colours=1, w=200, h=60, features=40, hidden=(16,), test=0, train=2500,
           palette=('1e308', '-1e308', 'sub', 'max', '-max', '0'), stdz=1)
snapshot(e, test=True, params=('1e308', '-1e308', 'sub'), iteration='max', limit='max', state=3, lr='max', speed='max',
         batch='max', reports=3000, events=20, interval='max')
e.keys('bB><nm').byte(LEFT).byte(UP).keys('xydx').byte(TAB).keys('1e308').byte(ENTER).byte(PGDN).byte(END)
e.byte(SNAP); snapshot(e, test=True, params=('-max',), iteration='max-1', state=2, lr='sub', speed='1e308', batch='half')
e.keys(' bbb>').byte(EVOLVE).cnt('max').byte(0).filler(('inf',), seed=2, nonfinite=True).byte(63).filler(('1e308',), seed=8)
seeds['extremes'] = e.b

# Tiny and odd screens: 1x1, resizes through every threshold, clicks off the screen, long notices.
e = header(E(), w=1, h=1, snapshot=False)
e.keys('m?q').byte(TAB).keys('9').byte(ENTER)
for b in (0x00, 0x11, 0x22, 0x63, 0x76, 0x99, 0xAA, 0xBB, 0xF0, 0x0F, 0xFF, 0x5A):
    e.byte(RESIZETINY).byte(b).keys('m').byte(MOUSE).byte(0).byte(1).byte(MOUSEMAP).byte(5).byte(25)
e.byte(NOTICE).byte(1).byte(1).u16(400).byte(NOTICE).byte(0).byte(2).byte(200).byte(EXPIRE)
e.byte(RESIZE); size(e, 0, 0); e.keys('?').byte(RESIZE); size(e, 512, 256); e.keys('?m')
seeds['tiny-screens'] = e.b

# New data arriving: a data event and the host drawing data again, with test sets of no rows.
e = header(E(), w=150, h=45, test=0, train=1, stdz=2)
snapshot(e, test=True)
e.keys('m').byte(DATA).rows(2100, 1).rows(0, 0).filler(('1e308', '-sub'), share=3, seed=11).byte(1).fin('0.5')
e.keys('xyN[').byte(DOWN).byte(END).keys('m').byte(RIGHT).byte(DATA).rows(1, 1).rows(0, 0).filler(seed=12).byte(0).fin('0')
seeds['new-data'] = e.b

# One feature (no axis up the map): the map, clicks in it, x and y with nothing to change to.
e = header(E(), w=150, h=45, features=1, train=40, stdz=1)
snapshot(e)
e.keys('mxy').byte(MOUSEMAP).byte(20).byte(30).byte(RIGHT).byte(UP).keys('d').byte(MOUSE).byte(3).u16(10).byte(3).u16(20)
e.keys('l').byte(TAB).keys('3').byte(ENTER).keys('m').byte(END)
seeds['one-feature-map'] = e.b

# Exporting a run whose history starts at iteration Int.max (ErrorPlotSVG; see the KNOWN-CRASH guard).
e = header(E())
e.byte(1).filler(seed=3)
e.cnt('max').opt(False).byte(1).fin('0.5').byte(0).cnt('min').any(100).u64(1).byte(0)
e.opt(True).any('1').opt(True).byte(128).opt(True).fin('1').opt(True).cnt('max')
e.byte(1).byte(1).byte(1)
e.cnt('max').cnt(100).filler(seed=5, nonfinite=True)
e.byte(0).cnt(100).byte(0).fin('0')
e.keys('e').byte(EVOLVE).cnt(100).byte(1).filler(seed=6, nonfinite=True).byte(5).filler(seed=7).keys('e')
seeds['export-int-max'] = e.b

# Speeds and batches at their limits, the trainer echoing every key.
e = header(E(), w=80, h=24)
snapshot(e, speed='max', batch='max', iteration='max-1', limit='max', lr='sub')
e.keys('b>B<').byte(REPEAT).byte(30).keys('b').byte(REPEAT).byte(20).keys('>').byte(REPEAT).byte(20).keys('<')
e.keys('n n ++++++++++++--------------').keys('L4.9e-324').byte(ENTER).keys('L1000').byte(ENTER).keys('rRac')
seeds['limits-echoed'] = e.b

# Networks past a frame's share of forward passes: a 40-1024-1 network maps in blocks and leaves predictions out;
# a 2-3000-3000-1 one is too large to map at all.
e = header(E(), w=140, h=50, features=40, hidden=(1024,), train=300, test=5)
snapshot(e, test=True)
e.keys('m').byte(RIGHT).byte(DOWN).byte(TAB).keys('7').byte(ESC).keys('x').byte(PGDN)
seeds['wide-network'] = e.b
e = header(E(), w=140, h=50, hidden=(3000, 3000), train=20)
snapshot(e)
e.keys('m?').byte(EVOLVE).cnt(100).byte(1).filler(seed=6, nonfinite=True).byte(2).filler(seed=7).keys('a')
seeds['giant-network'] = e.b

for name, b in seeds.items():
    with open(os.path.join(out, name + '.bin'), 'wb') as f: f.write(b)
    print(name, len(b))
