"""Swift raw string literals, for the scripts that embed data in gongbu's sources.

A raw string `#"…"#` takes its text as it is; the number of `#` is chosen so that nothing in
the text (a `"#` or a `\\#`) can end the literal or start an escape.
"""


def delimiter(text: str) -> str:
    hashes = "#"
    while ('"' + hashes) in text or ("\\" + hashes) in text:
        hashes += "#"
    return hashes


def raw_string(text: str) -> str:
    """`#"text"#` on one line."""
    hashes = delimiter(text)
    return f'{hashes}"{text}"{hashes}'


def raw_multiline(text: str) -> str:
    """A multi-line raw string whose lines are `text`'s."""
    hashes = delimiter(text)
    return f'{hashes}"""\n{text}\n"""{hashes}'
