# Turns an RGBA PNG render of the favicon (blue #1d4e89 and white on transparent) into a 4-bit palette PNG of at
# most 16 colours: each pixel keeps its mix of blue and white and its opacity, each in 4 levels. Pure Python (zlib).
# Usage: python3 scripts/icon-png.py RENDER.png OUT.png   (scripts/icon.sh renders and runs it)
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
pos = 8; idat = b''; w = h = 0
while pos < len(data):
    n = struct.unpack('>I', data[pos:pos+4])[0]; t = data[pos+4:pos+8]; c = data[pos+8:pos+8+n]; pos += 12 + n
    if t == b'IHDR': w, h, bd, ct = struct.unpack('>IIBB', c[:10]); assert bd == 8 and ct == 6, (bd, ct)
    elif t == b'IDAT': idat += c
raw = zlib.decompress(idat); bpp = 4; stride = w * bpp
rows = []; prev = bytearray(stride); i = 0
for y in range(h):
    f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride
    for x in range(stride):
        a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
blue = (0x1d, 0x4e, 0x89)
L = 4  # levels
pal = []; idx = {}
out_rows = []
for line in rows:
    o = []
    for x in range(w):
        r, g, bl, al = line[x*4:x*4+4]
        if al == 0: key = (0, 0)
        else:
            t = (r - blue[0]) / (255 - blue[0]); t = min(max(t, 0), 1)
            key = (round(t * (L-1)), max(1, round(al / 255 * (L-1))))
        if key not in idx:
            idx[key] = len(pal); pal.append(key)
        o.append(idx[key])
    out_rows.append(o)
assert len(pal) <= 16, len(pal)
def col(k):
    t, a = k[0] / (L-1), k[1] / (L-1)
    return tuple(round(blue[j] + (255 - blue[j]) * t) for j in range(3)), round(a * 255)
plte = b''.join(bytes(col(k)[0]) for k in pal); trns = bytes(col(k)[1] for k in pal)
bits = 4
rawo = b''
for o in out_rows:
    rawo += b'\0' + bytes((o[x] << 4) | (o[x+1] if x+1 < w else 0) for x in range(0, w, 2))
def chunk(t, c): return struct.pack('>I', len(c)) + t + c + struct.pack('>I', zlib.crc32(t + c) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, bits, 3, 0, 0, 0)) + chunk(b'PLTE', plte) + chunk(b'tRNS', trns) + chunk(b'IDAT', zlib.compress(rawo, 9)) + chunk(b'IEND', b'')
open(sys.argv[2], 'wb').write(png)
print(f'{sys.argv[2]}: {len(png)} bytes, {len(pal)} colours')
