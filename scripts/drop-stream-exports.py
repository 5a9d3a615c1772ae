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

from wasm_sections import enc, exports, module, sections

PATTERN = re.compile(r"intounderlying", re.I)


def main(wasm_path, js_path):
    b = open(wasm_path, "rb").read()
    parts, dropped = [], 0
    for sid, body in sections(b):
        if sid == 7:
            entries = list(exports(body))
            kept = [entry for name, entry in entries if not PATTERN.search(name)]
            dropped = len(entries) - len(kept)
            body = enc(len(kept)) + b"".join(kept)
        parts.append((sid, body))
    js = open(js_path, encoding="utf-8").read()
    js, classes = re.subn(r"^export (class IntoUnderlying\w+ )", r"\1", js, flags=re.M)
    js, lines = re.subn(r"^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = .*\n", "", js, flags=re.M)
    if dropped == 0 or classes != 3 or lines != 3:
        sys.exit(f"drop-stream-exports: unexpected glue (exports {dropped}, classes {classes}, dispose lines {lines})")
    open(wasm_path, "wb").write(module(b[:8], parts))
    open(js_path, "w", encoding="utf-8").write(js)
    print(f"  dropped {dropped} stream exports and 3 glue classes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
