"""The little of the WebAssembly binary format that the build's post-processing steps (drop-stream-exports.py,
shorten-imports.py) need: LEB128 numbers, the sections, the entries of the export section, the number of imported
functions, the function bodies and the function names."""


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


def function_imports(body):
    """How many functions an import section's body imports (they come first in the function index space)."""
    cnt, p = leb(body, 0)
    funcs = 0
    for _ in range(cnt):
        for _ in range(2):  # module and field names
            ln, p = leb(body, p)
            p += ln
        kind = body[p]
        p += 1
        if kind == 0:  # function: type index
            funcs += 1
            _, p = leb(body, p)
        elif kind in (1, 2):  # table (element type, then limits) or memory (limits)
            if kind == 1:
                p += 1
            flags, p = leb(body, p)
            _, p = leb(body, p)
            if flags & 1:
                _, p = leb(body, p)
        elif kind == 3:  # global: value type and mutability
            p += 2
        else:
            raise ValueError(f"import kind {kind}")
    return funcs


def code_bodies(body):
    """The function bodies of a code section's body, in order (each without its size prefix)."""
    cnt, p = leb(body, 0)
    out = []
    for _ in range(cnt):
        n, p = leb(body, p)
        out.append(body[p:p + n])
        p += n
    return out


def function_names(body):
    """Function index -> name, from the body of a `name` custom section (empty if it has none)."""
    n, i = leb(body, 0)
    if body[i:i + n] != b"name":
        return {}
    i += n
    names = {}
    while i < len(body):
        sub = body[i]
        size, i = leb(body, i + 1)
        end = i + size
        if sub == 1:
            cnt, i = leb(body, i)
            for _ in range(cnt):
                idx, i = leb(body, i)
                ln, i = leb(body, i)
                names[idx] = body[i:i + ln].decode("utf-8", "replace")
                i += ln
        i = end
    return names
