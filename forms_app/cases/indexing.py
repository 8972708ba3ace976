"""Blind indexes: find cases by words in their answers, and link possible duplicates, without
storing what the claimant wrote.

Search. Text answers are normalised (NFKC, casefold) and cut into tokens: Latin words and numbers
whole, runs of CJK characters into overlapping bigrams plus single characters (so a one-character
query works too). Each distinct token of a case is stored as a 64-bit keyed hash
(HMAC-SHA256 under CASE_HASH_KEY, truncated); a query is tokenised the same way and a case matches
when it has every query token. A database dump shows which cases share tokens, never the tokens;
token order is not kept, so text cannot be rebuilt from a case's rows. Simplified and Traditional
characters are different tokens: a query finds text written in its own script.

Duplicates. WeChat IDs, phone numbers and e-mail addresses are normalised and stored as keyed
hashes, one purpose per kind; cases sharing any hash are possible duplicates.
"""

import re
import unicodedata

from django.db import models

from . import crypto
from .models.case import REFERENCE_ALPHABET
from .models.triage import CaseIdentifier, CaseIdentifierKind, CaseSearchToken

SEARCH_PURPOSE = "search-token"
INDEXED_FIELD_TYPES = {"singleline", "multiline", "email"}

# Han (with extensions and compatibility ideographs), kana and Hangul: no spaces between words.
_CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_TOKEN_RUNS = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)")
MAX_TOKENS_PER_QUERY = 32


def normalise(text):
    return unicodedata.normalize("NFKC", text).casefold()


def tokens(text):
    """The set of search tokens of ``text``: words, CJK bigrams and single CJK characters."""
    found = set()
    for cjk, word in _TOKEN_RUNS.findall(normalise(text or "")):
        if word:
            found.add(word)
            continue
        found.update(cjk)
        found.update(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return found


def query_tokens(text):
    """Tokens a query must all match: words, and for CJK runs their bigrams (or the character)."""
    found = []
    for cjk, word in _TOKEN_RUNS.findall(normalise(text or "")):
        if word:
            found.append(word)
        elif len(cjk) == 1:
            found.append(cjk)
        else:
            found.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return list(dict.fromkeys(found))[:MAX_TOKENS_PER_QUERY]


def token_hash(token):
    """A signed 64-bit integer (a BigIntegerField) from the keyed hash of one token."""
    return int.from_bytes(bytes.fromhex(crypto.keyed_hash(SEARCH_PURPOSE, token)[:16]), "big", signed=True)


def text_answers(answers, fields):
    """The text answers worth searching: single and multi-line text and e-mail addresses."""
    for field in fields:
        value = answers.get(field.clean_name)
        if field.field_type in INDEXED_FIELD_TYPES and isinstance(value, str) and value.strip():
            yield value


# --- duplicates -------------------------------------------------------------------------------


def normalise_wechat_id(value):
    return "".join(normalise(value).split())


def normalise_phone(value):
    """Digits only, country code kept: "+86 138-0013-8000" and "0086 13800138000" differ, sadly,
    but "+86 138 0013 8000" and "+86-138-0013-8000" match."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    return digits


def normalise_email(value):
    return normalise(value).strip()


IDENTIFIER_ANSWERS = {
    "wechat_id": (CaseIdentifierKind.WECHAT_ID, normalise_wechat_id),
    "contact_phone": (CaseIdentifierKind.PHONE, normalise_phone),
    "contact_email": (CaseIdentifierKind.EMAIL, normalise_email),
}


def identifier_hash(kind, normalised):
    return crypto.keyed_hash(f"duplicate:{kind}", normalised)


def identifier_hashes(answers):
    """{(kind, hash)} for the identifying answers present."""
    found = set()
    for key, (kind, normalise_value) in IDENTIFIER_ANSWERS.items():
        value = answers.get(key)
        if isinstance(value, str):
            normalised = normalise_value(value)
            if len(normalised) >= 3:
                found.add((kind, identifier_hash(kind, normalised)))
    return found


# --- writing -----------------------------------------------------------------------------------


def index_case(case, answers, fields):
    """Store the blind search tokens and identifier hashes of a new case (same transaction)."""
    words = set()
    for text in text_answers(answers, fields):
        words |= tokens(text)
    CaseSearchToken.objects.bulk_create(
        [CaseSearchToken(case=case, token=value) for value in {token_hash(word) for word in words}],
        batch_size=1000,
    )
    CaseIdentifier.objects.bulk_create(
        [CaseIdentifier(case=case, kind=kind, value_hash=value) for kind, value in identifier_hashes(answers)]
    )


# --- reading -----------------------------------------------------------------------------------


def reference_prefix(query):
    """ "wc-7k4q-92" -> "WC-7K4Q-92", "7K4Q92XM" -> "WC-7K4Q-92XM"; None if it is no reference."""
    text = "".join(query.split()).upper()
    if text.startswith("WC"):
        rest = text[2:]
    elif "-" in text or len(text) == 8:
        rest = text
    else:
        return None
    chars = rest.replace("-", "")
    if not chars or len(chars) > 8 or any(ch not in REFERENCE_ALPHABET for ch in chars):
        return None
    return "WC-" + chars[:4] + ("-" + chars[4:] if len(chars) > 4 else "")


def matching_token_cases(query):
    """A subquery of the pks of cases holding every token of ``query`` (None if it has none)."""
    hashes = {token_hash(token) for token in query_tokens(query)}
    if not hashes:
        return None
    if len(hashes) == 1:  # a plain semi-join: no grouping needed
        return CaseSearchToken.objects.filter(token=next(iter(hashes))).values("case_id")
    return (
        CaseSearchToken.objects.filter(token__in=hashes)
        .values("case_id")
        .annotate(matched=models.Count("token"))
        .filter(matched=len(hashes))
        .values("case_id")
    )


def search_cases(queryset, query):
    """Cases whose reference starts with ``query``, or whose answers contain all its words."""
    condition = models.Q(pk__in=[])
    prefix = reference_prefix(query)
    if prefix:
        condition |= models.Q(reference__startswith=prefix)
    token_cases = matching_token_cases(query)
    if token_cases is not None:
        condition |= models.Q(pk__in=token_cases)
    return queryset.filter(condition)


def has_possible_duplicate():
    """An Exists() expression, true when another case shares an identifier hash with the row."""
    shared = CaseIdentifier.objects.filter(value_hash=models.OuterRef("value_hash"), kind=models.OuterRef("kind"))
    own = CaseIdentifier.objects.filter(case_id=models.OuterRef("pk")).filter(
        models.Exists(shared.exclude(case_id=models.OuterRef("case_id")))
    )
    return models.Exists(own)


def possible_duplicates(case):
    """[(other case, [kinds shared])] for the cases sharing an identifier with ``case``."""
    own = CaseIdentifier.objects.filter(case=case)
    matches = (
        CaseIdentifier.objects.filter(
            models.Exists(own.filter(kind=models.OuterRef("kind"), value_hash=models.OuterRef("value_hash")))
        )
        .exclude(case=case)
        .select_related("case", "case__assigned_to")
        .order_by("case__submitted_at", "case_id", "kind")
    )
    linked = {}
    for match in matches:
        entry = linked.setdefault(match.case_id, (match.case, []))
        entry[1].append(CaseIdentifierKind(match.kind).label)
    return list(linked.values())
