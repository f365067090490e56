"""Hypothesis strategies for hostile input: text a user (or an attacker)
can put into a file, a query or a field. Everything is fair: control
characters, NUL, lone surrogates, byte-order marks, right-to-left marks,
combining marks by the thousand, characters outside the Basic
Multilingual Plane, long runs, and a valid document with a few of these
put in, cut out or doubled.

Nesting stays below 200 levels here: deeper documents are attacked on
their own (``test_deep_nesting``), where each format's outcome today is
known."""

from __future__ import annotations

from hypothesis import strategies as st

SPECIALS = (
    "\x00",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\ud800",
    "\udfff",
    "\udcff",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "𠀀",
    "\u0301" * 500,
    "\r",
    "\r\n",
    "\t",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "&",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&undefined;",
    "<",
    "]]>",
    "<![CDATA[",
    "<!--",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
    "&a;",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    "\\",
    "\\u0000",
    "\\ud800",
    ",",
    ";",
    "=",
    "TY  - ",
    "ER  - ",
    "@article{",
    "@string{a = {b}}",
    "%",
    "$\\frac{",
    "\\'",
    "=cmd|' /C calc'!A0",
    "-1e9999",
    "NaN",
    "1e400",
    "99999999999999999999999",
    "0000-00-00",
    "2019-02-30",
    "-9999",
    "@prefix : <urn:x> .",
    "<urn:a>",
    '"""',
    "..",
    "../../../etc/passwd",
    "/",
    "*",
    "(",
    ")",
    ":",
    "AND",
    "OR",
    "NOT",
    "走出去",
    "丝路一家亲",
    "\u3000",
    "ｆｕｌｌｗｉｄｔｈ",
)

#: Any code point, lone surrogates included.
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())
NESTING = ("[", "{", "(", "<a>", '{"a":', "[[", "<x:y>", "((")


def hostile_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """A hostile piece of text."""
    pieces = st.one_of(
        st.text(ANY_CHARACTER, max_size=max_size),
        st.sampled_from(SPECIALS),
        st.builds(lambda c, n: c * n, st.sampled_from(("a", "中", " ", "\n", "-", "0", "é")), st.integers(0, 20_000)),
        st.builds(lambda c, n: c * n, st.sampled_from(NESTING), st.integers(0, 150)),
    )
    return st.lists(pieces, min_size=1, max_size=4).map("".join)


@st.composite
def mutated(draw: st.DrawFn, seed: str) -> str:
    """``seed`` with a few pieces put in, cut out, doubled or swapped."""
    text = seed
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        how = draw(st.sampled_from(("insert", "insert", "replace", "delete", "double", "cut")))
        if how == "insert":
            text = text[:start] + draw(hostile_text()) + text[start:]
        elif how == "replace":
            text = text[:start] + draw(hostile_text()) + text[end:]
        elif how == "delete":
            text = text[:start] + text[end:]
        elif how == "double":
            text = text[:end] + text[start:end] * draw(st.integers(1, 50)) + text[end:]
        else:
            text = text[:start]
    return text


ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030", "big5", "latin-1")


@st.composite
def hostile_file(draw: st.DrawFn, seeds: list[str]) -> bytes:
    """The bytes of a file: a mutated seed document in some encoding
    (lone surrogates as the invalid UTF-8 they make), or random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=4096))
    text = draw(mutated(draw(st.sampled_from(seeds))))
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding == "utf-8":
        return text.encode(encoding, "surrogatepass")
    return text.encode(encoding, "replace")
