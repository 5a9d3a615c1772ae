#!/usr/bin/env python3
"""Drops the JS stream adapters that Leptos links in through server_fn and wasm-streams (IntoUnderlyingSource,
IntoUnderlyingByteSource, IntoUnderlyingSink): a client-only atlas never streams a server response.

wasm-bindgen exports them from the wasm and as classes from the glue. This removes those exports from the wasm
(wasm-opt then drops the code only they reached) and un-exports the classes and their `Symbol.dispose` lines in the
glue (terser then drops them as unused). Run on wasm-bindgen's output, before wasm-opt and terser.

The adapters' futures (`js_sys::futures::future_to_promise` closures, `wasm_streams` drop glue) also sit in the
function table, through vtables in the data, which wasm-opt cannot see are dead; they and all they call would stay
(~3 KB gzip). Their bodies are replaced by `unreachable`, found by name in wasm-bindgen's name section: only the
dropped exports could ever run them (the end-to-end tests would see a trap as a console error).
Usage: drop-stream-exports.py WASM JS
"""
import re
import sys

from wasm_sections import code_bodies, enc, exports, function_imports, function_names, module, sections

PATTERN = re.compile(r"intounderlying", re.I)
DEAD = re.compile(r"wasm_streams|js_sys::futures::future_to_promise")
UNREACHABLE = b"\x00\x00\x0b"  # no locals; unreachable; end


def main(wasm_path, js_path):
    b = open(wasm_path, "rb").read()
    all_sections = list(sections(b))
    imported = next((function_imports(body) for sid, body in all_sections if sid == 2), 0)
    names = {}
    for sid, body in all_sections:
        if sid == 0:
            names.update(function_names(body))
    parts, dropped, neutered = [], 0, 0
    for sid, body in all_sections:
        if sid == 7:
            entries = list(exports(body))
            kept = [entry for name, entry in entries if not PATTERN.search(name)]
            dropped = len(entries) - len(kept)
            body = enc(len(kept)) + b"".join(kept)
        elif sid == 10:
            bodies = code_bodies(body)
            for i, _ in enumerate(bodies):
                if DEAD.search(names.get(imported + i, "")):
                    bodies[i] = UNREACHABLE
                    neutered += 1
            body = enc(len(bodies)) + b"".join(enc(len(f)) + f for f in bodies)
        parts.append((sid, body))
    js = open(js_path, encoding="utf-8").read()
    js, classes = re.subn(r"^export (class IntoUnderlying\w+ )", r"\1", js, flags=re.M)
    js, lines = re.subn(r"^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = .*\n", "", js, flags=re.M)
    if dropped == 0 or classes != 3 or lines != 3 or neutered < 10:
        sys.exit(f"drop-stream-exports: unexpected module or glue (exports {dropped}, classes {classes}, dispose "
                 f"lines {lines}, dead functions {neutered})")
    open(wasm_path, "wb").write(module(b[:8], parts))
    open(js_path, "w", encoding="utf-8").write(js)
    print(f"  dropped {dropped} stream exports and 3 glue classes; {neutered} functions only they reached")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
