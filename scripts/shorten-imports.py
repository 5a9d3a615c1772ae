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

from wasm_sections import enc, exports, leb, module, sections


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
    mapping, parts = {}, []
    # Export names are never renamed.
    exported = {name for sid, body in sections(b) if sid == 7 for name, _ in exports(body)}
    for sid, body in sections(b):
        if sid == 2:
            cnt, p = leb(body, 0)
            new = bytearray(enc(cnt))
            for _ in range(cnt):
                ml, p = leb(body, p)
                module_name = body[p:p + ml]
                p += ml
                fl, p = leb(body, p)
                field = body[p:p + fl].decode()
                p += fl
                start = p
                kind = body[p]
                p += 1
                if kind == 0:
                    _, p = leb(body, p)
                elif kind in (1, 2):  # a table (element type, then limits) or a memory (limits)
                    p += kind == 1
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 3:
                    p += 2
                else:
                    sys.exit(f"unknown import kind {kind}")
                desc = body[start:p]
                pattern = re.compile(r"(?<![\w$])" + re.escape(field) + r"(?![\w$])")
                if field not in exported and field not in mapping and len(pattern.findall(js)) >= 1:
                    mapping[field] = short(len(mapping))
                name = mapping.get(field, field)
                new += enc(ml) + module_name + enc(len(name.encode())) + name.encode() + desc
            body = bytes(new)
        parts.append((sid, body))
    for old, new_name in mapping.items():
        js, count = re.subn(r"(?<![\w$])" + re.escape(old) + r"(?![\w$])", new_name, js)
        if count == 0:
            sys.exit(f"{old}: not found in the JS")
    open(wasm_path, "wb").write(module(b[:8], parts))
    open(js_path, "w", encoding="utf-8").write(js)
    print(f"  shortened {len(mapping)} import names")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
