"""Comparing revisions shows which Chinese characters changed. Wagtail's diff_text keeps a run of
letters together as one token, and Han characters count as letters, so a changed Chinese sentence
shows as one whole deletion and one whole addition. Here each Han character is a token of its own;
Latin words stay whole. Installed over Wagtail's (website.private_apis) when the app is ready."""

import difflib
import re

from wagtail.admin import compare

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def tokenise(text):
    tokens, word = [], ""
    for character in text or "":
        if character.isalnum() and not HAN.match(character):
            word += character
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(character)
    if word:
        tokens.append(word)
    return tokens


def diff_text(a, b):
    """Wagtail's diff_text(a, b), one Han character at a time."""
    a_tokens, b_tokens = tokenise(a), tokenise(b)
    # No junk heuristic: every Chinese token is one character long.
    matcher = difflib.SequenceMatcher(None, a_tokens, b_tokens, autojunk=False)
    changes = []
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if op == "equal":
            changes.append(("equal", "".join(a_tokens[a_start:a_end])))
            continue
        if a_end > a_start:
            changes.append(("deletion", "".join(a_tokens[a_start:a_end])))
        if b_end > b_start:
            changes.append(("addition", "".join(b_tokens[b_start:b_end])))
    return compare.TextDiff(changes)


def install():
    compare.diff_text = diff_text
