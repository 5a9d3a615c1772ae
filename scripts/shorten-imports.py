#!/usr/bin/env python3
"""Shortens the wasm's import names and the wasm-bindgen glue's matching keys (pkg/atlas_bg.wasm, pkg/atlas.js).

wasm-bindgen names each import like `__wbg_querySelectorAll_bd785907acdf7800`; the hex suffix is incompressible and
every name appears twice (wasm import section, JS import object), about 2-3 KB gzip in all. Each name becomes a
short one (`a`, `b`, … `aa`, …) in both files. Only import names are renamed, and only names that occur as whole
identifiers in the JS; export names are left alone. Deterministic (names are assigned in import order).
Usage: shorten-imports.py WASM JS
"""
import re
import sys


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


def short(i):
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    s = ""
    i += 1
    while i:
        i -= 1
        s = alphabet[i % 52] + s
        i //= 52
    return "$" + s


def main(wasm_path, js_path):
    b = open(wasm_path, "rb").read()
    js = open(js_path, encoding="utf-8").read()
    i, out, mapping = 8, bytearray(b[:8]), {}
    exports = set()
    # First pass: export names (never renamed).
    j = 8
    while j < len(b):
        sid = b[j]
        n, k = leb(b, j + 1)
        if sid == 7:
            cnt, p = leb(b, k)
            for _ in range(cnt):
                ln, p = leb(b, p)
                exports.add(b[p:p + ln].decode())
                p += ln + 1
                _, p = leb(b, p)
        j = k + n
    while i < len(b):
        sid = b[i]
        n, k = leb(b, i + 1)
        body = b[k:k + n]
        if sid == 2:
            cnt, p = leb(body, 0)
            new = bytearray(enc(cnt))
            for idx in range(cnt):
                ml, p = leb(body, p)
                module = body[p:p + ml]
                p += ml
                fl, p = leb(body, p)
                field = body[p:p + fl].decode()
                p += fl
                start = p
                kind = body[p]
                p += 1
                if kind == 0:
                    _, p = leb(body, p)
                elif kind == 1:
                    p += 1
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 2:
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 3:
                    p += 2
                else:
                    sys.exit(f"unknown import kind {kind}")
                desc = body[start:p]
                name = field
                pattern = re.compile(r"(?<![\w$])" + re.escape(field) + r"(?![\w$])")
                if field not in exports and field not in mapping and len(pattern.findall(js)) >= 1:
                    mapping[field] = short(len(mapping))
                name = mapping.get(field, field)
                new += enc(ml) + module + enc(len(name.encode())) + name.encode() + desc
            body = bytes(new)
        out += bytes([sid]) + enc(len(body)) + body
        i = k + n
    for old, new_name in mapping.items():
        js, count = re.subn(r"(?<![\w$])" + re.escape(old) + r"(?![\w$])", new_name, js)
        if count == 0:
            sys.exit(f"{old}: not found in the JS")
    open(wasm_path, "wb").write(bytes(out))
    open(js_path, "w", encoding="utf-8").write(js)
    print(f"  shortened {len(mapping)} import names")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
