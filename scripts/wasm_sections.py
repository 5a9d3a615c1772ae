"""The little of the WebAssembly binary format that the build's post-processing steps (drop-stream-exports.py,
shorten-imports.py) need: LEB128 numbers, the sections, and the entries of the export section."""


def leb(b, i):
    """The unsigned LEB128 number at `b[i]`, and the index after it."""
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def enc(n):
    """`n` as unsigned LEB128."""
    out = bytearray()
    while True:
        x = n & 0x7F
        n >>= 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)


def sections(b):
    """The module's sections after the 8-byte header, as (id, body) pairs in order."""
    i = 8
    while i < len(b):
        sid = b[i]
        n, k = leb(b, i + 1)
        yield sid, b[k:k + n]
        i = k + n


def module(header, parts):
    """A module from its 8-byte header and (id, body) sections."""
    out = bytearray(header)
    for sid, body in parts:
        out += bytes([sid]) + enc(len(body)) + body
    return bytes(out)


def exports(body):
    """The entries of an export section's body, as (name, encoded entry) pairs."""
    cnt, p = leb(body, 0)
    for _ in range(cnt):
        start = p
        ln, p = leb(body, p)
        name = body[p:p + ln].decode()
        p += ln + 1
        _, p = leb(body, p)
        yield name, body[start:p]
