"""The search query language, parsed to a small AST.

    words            all must match (title, summary, body, source);
                     words without letters or digits are ignored
    "exact phrase"   the words in this order (and never read as pinyin:
                     see ngodesk.search.pinyin)
    -word, -"p", -tag:x   exclude (a "-" on its own is ignored)
    a OR b           either; binds tighter than the implicit AND,
                     so ``NGO Kenya OR Uganda`` is NGO AND (Kenya OR Uganda)
    ( ... )          grouping
    field:value      tag: org: person: place: source: title: lang: status:
                     (tag:X includes the tags below X, tag:=X only X;
                     a tag's synonyms find it too; lang:zh includes
                     zh-Hans and zh-Hant, lang:zh-Hant only zh-Hant; a
                     language may be named: lang:Chinese, lang:中文)
                     year:2018  year:2015..2018  date:2018-01..2018-06
                     is:untagged  trans:en  trans:en:draft  (a story's translation
                     into a language: untranslated, draft = some field still a
                     draft, reviewed = every translated field reviewed)
                     note:words  (an annotation's comment or quoted passage
                     holds them; simplified and traditional alike)
                     (a value may be quoted: tag:"Belt and Road")
                     An unknown ``word:value`` is an error (a mistyped field);
                     ``Note:`` followed by a space, or ``http://...``, is text.

``parse`` raises QueryError with a message and the column at fault; it never
lets a malformed query reach SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ngodesk.domain.dates import PartialDate
from ngodesk.domain.errors import QueryError, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import StoryStatus, TranslationStatus
from ngodesk.domain.text import read_language, suggest_language, unencodable_at
from ngodesk.search.text import query_tokens


@dataclass(frozen=True)
class Text:
    """Free text (a word or a quoted phrase), optionally in one column."""

    text: str
    column: str | None = None
    #: typed in quotes (taken exactly: not read as pinyin)
    quoted: bool = False


@dataclass(frozen=True)
class Field:
    """A ``field:value`` filter with a validated value."""

    name: str
    value: str


@dataclass(frozen=True)
class DateRange:
    """``year:``/``date:``: stories whose published date lies within."""

    start: PartialDate | None
    end: PartialDate | None


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Text | Field | DateRange | Not | And | Or

ENTITY_FIELDS = {"org": "organisation", "person": "person", "place": "place"}
FIELDS = ("tag", "org", "person", "place", "source", "title", "lang", "status", "trans", "note", "year", "date", "is")
IS_VALUES = ("untagged",)


@dataclass(frozen=True)
class _Token:
    kind: str  # WORD PHRASE FIELD NOT OR LPAREN RPAREN
    text: str
    position: int
    field: str = ""


_FIELD = re.compile(r"([A-Za-z]+):")
#: Nesting deeper than this (parentheses, NOT) is refused, not recursed into.
MAX_DEPTH = 40


def _breaks(ch: str) -> bool:
    return ch.isspace() or ch in '()"'


def _read_phrase(query: str, start: int) -> tuple[str, int]:
    """Text of the quoted phrase opening at ``start``; index after it."""
    end = query.find('"', start + 1)
    if end < 0:
        raise QueryError(
            translate("Messages", 'The phrase starting at column {value} has no closing quote (").').format(
                value=start + 1
            ),
            start,
        )
    return query[start + 1 : end], end + 1


def _word_end(query: str, start: int) -> int:
    end = start
    while end < len(query) and not _breaks(query[end]):
        end += 1
    return end


def _is_text(query: str, field: re.Match[str]) -> bool:
    """An unknown ``word:`` is text when nothing follows it (pasted ``Note:``)
    or it starts a web address; otherwise it is taken for a mistyped field.
    (A known field followed by a space is text too: ``Note: ...``.)"""
    rest = query[field.end() :]
    return not rest or _breaks(rest[0]) or rest.startswith("//")


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token("LPAREN" if ch == "(" else "RPAREN", ch, i))
            i += 1
        elif ch == '"':
            text, end = _read_phrase(query, i)
            tokens.append(_Token("PHRASE", text, i))
            i = end
        elif ch == "-" and i + 1 < len(query) and not query[i + 1].isspace() and query[i + 1] != ")":
            tokens.append(_Token("NOT", ch, i))
            i += 1
        else:  # a word (a lone "-" is one too: punctuation, dropped later)
            start = i
            field = _FIELD.match(query, i)
            labelled = query[field.end() : field.end() + 1].isspace() if field else False  # ("Note: ..." pasted)
            if field and field.group(1).lower() in FIELDS and not labelled:
                i = field.end()
                exact = "=" if query.startswith('="', i) else ""  # (tag:="Belt and Road")
                if query.startswith('"', i + len(exact)):
                    value, i = _read_phrase(query, i + len(exact))
                    value = exact + value
                else:
                    i = _word_end(query, i)
                    value = query[field.end() : i]
                if not value.strip():
                    raise QueryError(
                        translate("Messages", "'{group}' at column {value} needs a value.").format(
                            group=field.group(0), value=start + 1
                        ),
                        start,
                    )
                tokens.append(_Token("FIELD", value.strip(), start, field.group(1).lower()))
                continue
            if field and not _is_text(query, field):
                raise QueryError(
                    translate(
                        "Messages",
                        "Unknown field '{field}:' at column {value}. Fields are: {join}. To search for the text "
                        'itself, put it in quotes: "{text}".',
                    ).format(
                        field=field.group(1),
                        value=start + 1,
                        join=", ".join(f"{name}:" for name in FIELDS),
                        text=query[start : _word_end(query, start)],
                    ),
                    start,
                )
            i = _word_end(query, start)
            word = query[start:i]
            kind = {"OR": "OR", "AND": "AND", "NOT": "NOT"}.get(word, "WORD")
            if kind != "AND":
                tokens.append(_Token(kind, word, start))
    return tokens


def _field_node(token: _Token) -> Node:
    name, value, pos = token.field, token.text, token.position
    if name in ("year", "date"):
        return _date_range(name, value, pos)
    if name == "status":
        allowed = [status.value for status in StoryStatus]
        if value.lower() not in allowed:
            raise QueryError(
                translate("Messages", "status:{value} at column {value2}: status is one of {join}.").format(
                    value=value, value2=pos + 1, join=", ".join(allowed)
                ),
                pos,
            )
        return Field(name, value.lower())
    if name == "lang":
        return Field(name, _language(value, pos))
    if name == "trans":
        language, _, status = value.lower().partition(":")
        allowed = [status.value for status in TranslationStatus]
        reading = read_language(language)
        language = reading.tag.lower()
        if not language or reading.several or (status and status not in allowed):
            raise QueryError(
                translate(
                    "Messages",
                    "trans:{value} at column {value2}: use trans:LANGUAGE or trans:LANGUAGE:STATUS (e.g. "
                    "trans:en:draft); status is one of {join}.",
                ).format(value=value, value2=pos + 1, join=", ".join(allowed)),
                pos,
            )
        return Field(name, f"{language}:{status}" if status else language)
    if name == "is":
        if value.lower() not in IS_VALUES:
            raise QueryError(
                translate("Messages", "is:{value} at column {value2}: use {join}.").format(
                    value=value, value2=pos + 1, join=", ".join("is:" + v for v in IS_VALUES)
                ),
                pos,
            )
        return Field(name, value.lower())
    if name in ("title", "source"):
        if not query_tokens(value)[0]:
            raise QueryError(
                translate(
                    "Messages", "{name}:{value} at column {value2} has no letters or digits to search for."
                ).format(name=name, value=value, value2=pos + 1),
                pos,
            )
        return Text(value, name)
    return Field(name, value)


def _language(value: str, pos: int) -> str:
    """The tag ``lang:value`` looks for (``lang:chinese`` is ``lang:zh``,
    ``lang:zh_CN`` is ``lang:zh-Hans``: as languages are stored), or
    QueryError."""
    reading = read_language(value)
    if reading.tag and not reading.several:
        return reading.tag
    close = suggest_language(value) if not reading.several else ""
    raise QueryError(
        (
            translate("Messages", "lang:{value} at column {value2}: not a language; did you mean lang:{tag}?")
            if close
            else translate(
                "Messages",
                "lang:{value} at column {value2}: not one language; use a code such as lang:en, lang:zh or "
                "lang:zh-Hant, or a name such as lang:English or lang:中文.",
            )
        ).format(value=value, value2=pos + 1, tag=close),
        pos,
    )


def _date_range(name: str, value: str, pos: int) -> DateRange:
    try:
        if ".." in value:
            first, _, last = value.partition("..")
            start = PartialDate.parse(first) if first else None
            end = PartialDate.parse(last) if last else None
            if start is None and end is None:
                raise ValidationError(translate("Messages", "a range needs at least one end"))
        else:
            start = end = PartialDate.parse(value)
        if name == "year" and any(d is not None and d.month is not None for d in (start, end)):
            raise ValidationError(translate("Messages", "year: takes years only, e.g. year:2018 or year:2015..2018"))
    except ValidationError as error:
        raise QueryError(
            translate("Messages", "{name}:{value} at column {value2}: {error}").format(
                name=name, value=value, value2=pos + 1, error=error
            ),
            pos,
        ) from error
    if start is not None and end is not None and start.first_day() > end.last_day():
        raise QueryError(
            translate("Messages", "{name}:{value} at column {value2}: the range ends before it starts.").format(
                name=name, value=value, value2=pos + 1
            ),
            pos,
        )
    return DateRange(start, end)


class _Parser:
    """Recursive descent over the tokens. Words without letters or digits
    (pasted punctuation) drop out, and so do the operators and groups left
    empty by that; a query with nothing left is an error."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.and_expr()
        token = self.peek()
        if token is not None:  # only a stray ')' can stop or_expr early
            raise QueryError(
                translate("Messages", "Unmatched ')' at column {value}.").format(value=token.position + 1),
                token.position,
            )
        if node is None:
            raise QueryError(
                translate("Messages", "'{strip}' at column 1 has no letters or digits to search for.").format(
                    strip=self.query.strip()
                ),
                0,
            )
        return node

    def and_expr(self) -> Node | None:
        children: list[Node | None] = []
        while (token := self.peek()) is not None and token.kind != "RPAREN":
            if token.kind == "OR":
                raise QueryError(
                    translate("Messages", "OR at column {value} needs a search term before it.").format(
                        value=token.position + 1
                    ),
                    token.position,
                )
            children.append(self.or_expr())
        if not children:
            token = self.peek()
            pos = token.position if token else len(self.query)
            raise QueryError(
                translate("Messages", "Expected a search term at column {value}.").format(value=pos + 1), pos
            )
        return _combine(And, children)

    def or_expr(self) -> Node | None:
        children = [self.unary()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.i += 1
            after = self.peek()
            if after is None or after.kind in ("OR", "RPAREN"):
                raise QueryError(
                    translate("Messages", "OR at column {value} needs a search term after it.").format(
                        value=token.position + 1
                    ),
                    token.position,
                )
            children.append(self.unary())
        return _combine(Or, children)

    def unary(self) -> Node | None:
        token = self.tokens[self.i]
        self.i += 1
        if token.kind in ("NOT", "LPAREN"):
            if self.depth >= MAX_DEPTH:
                raise QueryError(
                    translate(
                        "Messages", "The query nests too deeply at column {value} (at most {MAX_DEPTH} levels)."
                    ).format(value=token.position + 1, MAX_DEPTH=MAX_DEPTH),
                    token.position,
                )
            self.depth += 1
            node = self.negation(token) if token.kind == "NOT" else self.group(token)
            self.depth -= 1
            return node
        if token.kind == "FIELD":
            return _field_node(token)
        return Text(token.text, quoted=token.kind == "PHRASE") if query_tokens(token.text)[0] else None

    def negation(self, token: _Token) -> Node | None:
        after = self.peek()
        if after is None or after.kind in ("OR", "RPAREN"):
            raise QueryError(
                translate("Messages", "'{text}' at column {value} must be followed by what to exclude.").format(
                    text=token.text, value=token.position + 1
                ),
                token.position,
            )
        child = self.unary()
        if isinstance(child, Not):
            return child.child  # (excluding what is excluded: "--x" is x, and not one subquery more per "-")
        return None if child is None else Not(child)

    def group(self, token: _Token) -> Node | None:
        unclosed = QueryError(
            translate("Messages", "The '(' at column {value} is never closed.").format(value=token.position + 1),
            token.position,
        )
        if (after := self.peek()) is None:
            raise unclosed
        if after.kind == "RPAREN":
            raise QueryError(
                translate("Messages", "Empty parentheses at column {value}.").format(value=token.position + 1),
                token.position,
            )
        node = self.and_expr()
        closing = self.peek()
        if closing is None or closing.kind != "RPAREN":
            raise unclosed
        self.i += 1
        return node


def _combine(kind: type[And] | type[Or], children: list[Node | None]) -> Node | None:
    kept = tuple(child for child in children if child is not None)
    if len(kept) <= 1:
        return kept[0] if kept else None
    return kind(kept)


def parse(query: str) -> Node | None:
    """Parse a query; None for an empty one (everything matches)."""
    position = unencodable_at(query)
    if position is not None:
        raise QueryError(
            translate("Messages", "The query has bytes that are not valid UTF-8 at column {value}.").format(
                value=position + 1
            ),
            position,
        )
    return _Parser(query).parse()
