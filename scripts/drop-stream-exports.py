#!/usr/bin/env python3
"""Drops the JS stream adapters that Leptos links in through server_fn and wasm-streams (IntoUnderlyingSource,
IntoUnderlyingByteSource, IntoUnderlyingSink): a client-only atlas never streams a server response.

wasm-bindgen exports them from the wasm and as classes from the glue. This removes those exports from the wasm
(wasm-opt then drops the code only they reached) and un-exports the classes and their `Symbol.dispose` lines in the
glue (terser then drops them as unused). Run on wasm-bindgen's output, before wasm-opt and terser.
Usage: drop-stream-exports.py WASM JS
"""
import re
import sys

PATTERN = re.compile(r"intounderlying", re.I)


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def enc(n):
    out = bytearray()
    while True:
        x = n & 0x7F
        n >>= 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)


def main(wasm_path, js_path):
    b = open(wasm_path, "rb").read()
    out, i, dropped = bytearray(b[:8]), 8, 0
    while i < len(b):
        sid = b[i]
        n, k = leb(b, i + 1)
        body = b[k:k + n]
        if sid == 7:
            cnt, p = leb(body, 0)
            kept = []
            for _ in range(cnt):
                start = p
                ln, p = leb(body, p)
                name = body[p:p + ln].decode()
                p += ln + 1
                _, p = leb(body, p)
                if PATTERN.search(name):
                    dropped += 1
                else:
                    kept.append(body[start:p])
            body = enc(len(kept)) + b"".join(kept)
        out += bytes([sid]) + enc(len(body)) + body
        i = k + n
    js = open(js_path, encoding="utf-8").read()
    js, classes = re.subn(r"^export (class IntoUnderlying\w+ )", r"\1", js, flags=re.M)
    js, lines = re.subn(r"^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = .*\n", "", js, flags=re.M)
    if dropped == 0 or classes != 3 or lines != 3:
        sys.exit(f"drop-stream-exports: unexpected glue (exports {dropped}, classes {classes}, dispose lines {lines})")
    open(wasm_path, "wb").write(bytes(out))
    open(js_path, "w", encoding="utf-8").write(js)
    print(f"  dropped {dropped} stream exports and 3 glue classes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
