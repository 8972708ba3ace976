"""Blind indexes: find cases by words in their answers, and link possible duplicates, without
storing what the claimant wrote and without letting a database thief single cases out.

The threat: a state files a case with chosen words (a name, a place, a WeChat ID) and later holds a
dump of the database. With one exact hash per word it could look up which other cases share its
words. So the index is *truncated*, as CipherSweet's blind indexes are:

Search. Text answers (those the field-type registry marks ``indexed``, forms_app.intake.field_types)
are normalised (NFKC, casefold, Traditional Chinese to Simplified with OpenCC, so a query in either
script finds text in the other) and cut into tokens: Latin words and numbers whole, runs of CJK
characters into overlapping bigrams (a lone character is its own token). Each token is keyed-hashed
(HMAC-SHA256 under a sub-key of CASE_HASH_KEY) and only BUCKET_BITS bits are kept: a *bucket*
(one of 4,096). A case stores the set of its buckets, padded with random buckets to a multiple of
BUCKET_SET_STEP (at least MIN_PADDING of them), so that

- every bucket is shared by many cases: with 1,000 cases a bucket matches about 40 of them, and
  at least MIN_CASES_PER_BUCKET_AT_1000 (tests/review/test_blind_index.py checks it);
- the number of stored values tells only a coarse size (128, 256, ...), not the text's length.

A query's buckets give *candidates*; each candidate is confirmed by opening its sealed index
(``Case.sealed_index``, sealed with the case's own data key): the exact 32-bit hashes of all its
tokens (single CJK characters included) and its normalised identifiers, written when the case was
filed from the same indexed answers. Only confirmed cases are shown. A dump alone shows bucket sets,
never a token and never which cases share a word.

Limits (SECURITY.md): several words together (a three-character name gives two bigrams) narrow the
candidates multiplicatively; variant characters that OpenCC keeps apart (帐/账) do not match.

Duplicates. WeChat IDs, phone numbers and e-mail addresses (answers to questions whose role says so)
are normalised and stored as full keyed hashes under their *own* sub-key (purpose "duplicate"), one
per kind; cases sharing a hash are possible duplicates, confirmed by comparing the normalised values
in both cases' sealed indexes before a case page names them.
"""

import json
import os
import re
import struct
import unicodedata
from dataclasses import dataclass, field

import opencc
from django.db import connection, models
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from . import crypto
from .models.case import REFERENCE_ALPHABET, Case
from .models.triage import CaseIdentifier, CaseIdentifierKind

SEARCH_PURPOSE = "search-index"
DUPLICATE_PURPOSE = "duplicate"
SEALED_PURPOSE = "search-index"
BUCKET_BITS = 12
BUCKETS = 1 << BUCKET_BITS
BUCKET_SET_STEP = 128
MIN_PADDING = 32
# Stated and tested: at 1,000 cases every bucket is shared by at least this many (about 40 on average).
MIN_CASES_PER_BUCKET_AT_1000 = 5
MAX_TOKENS_PER_QUERY = 32
EXACT_STEP = 128

# Han (with extensions and compatibility ideographs), kana and Hangul: no spaces between words.
_CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_TOKEN_RUNS = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)")
_TO_SIMPLIFIED = opencc.OpenCC("t2s")


def normalise(text):
    """NFKC, casefold, and Traditional characters as Simplified (one script for the index)."""
    return _TO_SIMPLIFIED.convert(unicodedata.normalize("NFKC", text).casefold())


def _runs(text):
    return _TOKEN_RUNS.findall(normalise(text or ""))


def tokens(text):
    """Index tokens of ``text``: words, and CJK bigrams (a lone CJK character as itself)."""
    found = set()
    for cjk, word in _runs(text):
        if word:
            found.add(word)
        elif len(cjk) == 1:
            found.add(cjk)
        else:
            found.update(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return found


def confirm_tokens(text):
    """What confirmation can check: the index tokens plus every single CJK character."""
    found = tokens(text)
    for cjk, _word in _runs(text):
        found.update(cjk)
    return found


def query_tokens(text):
    """Tokens a query must all match: words, and for CJK runs their bigrams (or the character)."""
    found = []
    for cjk, word in _runs(text):
        if word:
            found.append(word)
        elif len(cjk) == 1:
            found.append(cjk)
        else:
            found.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return list(dict.fromkeys(found))[:MAX_TOKENS_PER_QUERY]


def _digest(token):
    return crypto.keyed_digest(crypto.derived_key(SEARCH_PURPOSE), token)


def token_hashes(token):
    """(bucket, exact hash) of one token, from one keyed hash: the bucket is its truncated blind
    index value (0 .. BUCKETS-1); the exact hash, 32 bits that are *not* the bucket, is kept only sealed."""
    digest = _digest(token)
    return int.from_bytes(digest[:4], "big") >> (32 - BUCKET_BITS), int.from_bytes(digest[4:8], "big")


def bucket(token):
    return token_hashes(token)[0]


def exact_hash(token):
    return token_hashes(token)[1]


def padded_buckets(real, randbelow=None):
    """``real`` buckets plus random ones, to a multiple of BUCKET_SET_STEP with at least MIN_PADDING
    added. The random ones come from the system's generator, as ``secrets`` draws them, but read
    in one system call per round instead of one per bucket (a case needs about a hundred);
    ``randbelow`` replaces it (fake cases use a seeded one)."""
    size = max(BUCKET_SET_STEP, -(-(len(real) + MIN_PADDING) // BUCKET_SET_STEP) * BUCKET_SET_STEP)
    size = min(size, BUCKETS)
    found = set(real)
    while len(found) < size:
        if randbelow is None:
            # BUCKETS divides 2**16: the low bits of uniform 16-bit values are uniform buckets.
            draws = memoryview(os.urandom(2 * (size - len(found)))).cast("H")
            found.update(value % BUCKETS for value in draws)
        else:
            found.add(randbelow(BUCKETS))
    return found


# --- duplicates -------------------------------------------------------------------------------


def normalise_wechat_id(value):
    return "".join(unicodedata.normalize("NFKC", value).casefold().split())


def normalise_phone(value):
    """Digits only, country code kept: "+86 138-0013-8000" and "0086 13800138000" match, and so do
    "+86 138 0013 8000" and "+86-138-0013-8000"."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    return digits


def normalise_email(value):
    return unicodedata.normalize("NFKC", value).casefold().strip()


NORMALISERS = {
    CaseIdentifierKind.WECHAT_ID: normalise_wechat_id,
    CaseIdentifierKind.PHONE: normalise_phone,
    CaseIdentifierKind.EMAIL: normalise_email,
}


def identifier_hash(kind, normalised):
    """Full keyed hash under the duplicate sub-key (never comparable with search buckets)."""
    return crypto.keyed_digest(crypto.derived_key(DUPLICATE_PURPOSE), f"{kind}\x00{normalised}").hex()


def normalised_identifiers(identifiers):
    """{(kind, normalised value)} of [(kind, value)] pairs; values shorter than 3 are skipped."""
    found = set()
    for kind, value in identifiers:
        kind = CaseIdentifierKind(kind)
        normalised = NORMALISERS[kind](value)
        if len(normalised) >= 3:
            found.add((str(kind), normalised))
    return found


def identifier_hashes(identifiers):
    """{(kind, hash)} of [(kind, value)] pairs, e.g. [("wechat_id", "wxid_x")]."""
    return {(kind, identifier_hash(kind, value)) for kind, value in normalised_identifiers(identifiers)}


# --- writing -----------------------------------------------------------------------------------


@dataclass
class CaseIndex:
    """What a case's texts and identifiers put in the index."""

    buckets: set
    sealed_plain: bytes
    identifier_rows: set = field(default_factory=set)


def build_index(texts, identifiers, hasher=None, randbelow=None):
    """The padded bucket set, the plaintext of the sealed index and the identifier hashes.

    ``hasher(token) -> (bucket, exact)`` may be a caching wrapper (make_fake_cases)."""
    hasher = hasher or token_hashes
    index_tokens, all_tokens = set(), set()
    for text in texts:
        index_tokens |= tokens(text)
        all_tokens |= confirm_tokens(text)
    hashes = {token: hasher(token) for token in index_tokens | all_tokens}
    buckets = padded_buckets({hashes[token][0] for token in index_tokens}, randbelow)
    exact = sorted({hashes[token][1] for token in all_tokens})
    idents = sorted(normalised_identifiers(identifiers))
    header = json.dumps({"identifiers": idents, "tokens": len(exact)}, ensure_ascii=False).encode()
    header += b" " * (-len(header) % 64)
    # Exact hashes padded with zeros to a multiple of EXACT_STEP: the sealed length is coarse too.
    slots = max(EXACT_STEP, -(-len(exact) // EXACT_STEP) * EXACT_STEP)
    body = struct.pack(f">{len(exact)}I", *exact) + b"\0\0\0\0" * (slots - len(exact))
    rows = {(kind, identifier_hash(kind, value)) for kind, value in idents}
    return CaseIndex(buckets=buckets, sealed_plain=header + b"\n" + body, identifier_rows=rows)


def apply_index(case, index):
    """Put ``index`` on an unsaved or saved case object (not saved here)."""
    case.search_buckets = sorted(index.buckets)
    case.sealed_index = case.seal(SEALED_PURPOSE, index.sealed_plain)


def identifier_rows(case, index):
    return [CaseIdentifier(case=case, kind=kind, value_hash=value) for kind, value in index.identifier_rows]


def index_case(case, texts, identifiers):
    """(Re)index a saved case's ``texts`` and ``identifiers`` ([(kind, value)]), in the caller's
    transaction. Filing applies the index before the case's first save instead (one query less)."""
    index = build_index(texts, identifiers)
    apply_index(case, index)
    Case.objects.filter(pk=case.pk).update(search_buckets=case.search_buckets, sealed_index=case.sealed_index)
    CaseIdentifier.objects.filter(case=case).delete()
    CaseIdentifier.objects.bulk_create(identifier_rows(case, index))


# --- reading -----------------------------------------------------------------------------------


def reference_prefix(query):
    """ "wc-7k4q-92" -> "WC-7K4Q-92", "7K4Q92XM" -> "WC-7K4Q-92XM"; None if it is no reference.

    A bare eight-letter word counts only if it has a digit (nearly every reference does), so that
    searching a word such as "defected" searches the answers."""
    text = "".join(query.split()).upper()
    if text.startswith("WC"):
        rest = text[2:]
    elif "-" in text or (len(text) == 8 and any(ch.isdigit() for ch in text)):
        rest = text
    else:
        return None
    chars = rest.replace("-", "")
    if not chars or len(chars) > 8 or any(ch not in REFERENCE_ALPHABET for ch in chars):
        return None
    return "WC-" + chars[:4] + ("-" + chars[4:] if len(chars) > 4 else "")


@dataclass
class SearchPlan:
    """How to search for a query: by reference prefix, or by buckets then confirmation."""

    query: str
    reference: str | None = None
    buckets: frozenset = frozenset()
    exact: frozenset = frozenset()

    @property
    def empty(self):
        return not self.reference and not self.exact


def plan_search(query):
    prefix = reference_prefix(query)
    if prefix:
        return SearchPlan(query, reference=prefix)
    words = query_tokens(query)
    # A lone CJK character is a token of the sealed set but is usually inside a bigram in the
    # index: it narrows nothing there and is checked by confirmation only.
    indexed = [token for token in words if not (len(token) == 1 and _TOKEN_RUNS.fullmatch(token)[1])]
    return SearchPlan(
        query,
        buckets=frozenset(bucket(token) for token in indexed),
        exact=frozenset(exact_hash(token) for token in words),
    )


def candidate_cases(queryset, plan):
    """Cases that may match: the reference prefix, or every bucket of the query."""
    if plan.reference:
        return queryset.filter(reference__startswith=plan.reference)
    if plan.empty:
        return queryset.none()
    if plan.buckets:
        return queryset.filter(search_buckets__has_all=sorted(plan.buckets))
    return queryset


CONFIRM_FIELDS = ("pk", "reference", "key_id", "wrapped_key", "sealed_index")


def open_index(reference, key_id, wrapped_key, sealed_index):
    """(identifiers [(kind, value)], exact token hashes as packed bytes) of one case."""
    if not sealed_index:
        return [], b""
    data_key = crypto.unwrap_data_key(key_id, bytes(wrapped_key), reference)
    plain = crypto.open_sealed(data_key, bytes(sealed_index), f"case:{reference}:{SEALED_PURPOSE}".encode())
    header, _newline, body = plain.partition(b"\n")
    meta = json.loads(header)
    return meta["identifiers"], body[: 4 * meta["tokens"]]


def confirmed(rows, plan):
    """The pks of ``rows`` (tuples of CONFIRM_FIELDS) whose sealed index holds every query token."""
    if plan.reference:
        yield from (row[0] for row in rows)
        return
    wanted = [struct.pack(">I", value) for value in plan.exact]
    for pk, reference, key_id, wrapped_key, sealed_index in rows:
        try:
            _identifiers, body = open_index(reference, key_id, wrapped_key, sealed_index)
        except crypto.DecryptionError:
            continue
        if all(_has(body, item) for item in wanted):
            yield pk


def _has(body, item):
    start = body.find(item)
    while start != -1:
        if start % 4 == 0:
            return True
        start = body.find(item, start + 1)
    return False


def has_possible_duplicate():
    """An Exists() expression, true when another case shares an identifier hash with the row
    (hash equality only: case pages confirm with confirmed_duplicates)."""
    shared = CaseIdentifier.objects.filter(value_hash=models.OuterRef("value_hash"), kind=models.OuterRef("kind"))
    own = CaseIdentifier.objects.filter(case_id=models.OuterRef("pk")).filter(
        models.Exists(shared.exclude(case_id=models.OuterRef("case_id")))
    )
    return models.Exists(own)


def duplicate_links(case_ids, per_identifier=None):
    """{case id: {other case id: {kinds}}} of identifier hashes shared with other cases (2 queries).
    ``per_identifier``: only the oldest that many cases of each shared identifier, chosen by the
    database (thousands of cases sharing one WeChat ID cost the queue 60 ms of Python otherwise)."""
    own = list(CaseIdentifier.objects.filter(case_id__in=case_ids).values_list("case_id", "kind", "value_hash"))
    if not own:
        return {}
    if per_identifier is None:
        others = CaseIdentifier.objects.filter(value_hash__in={value for _c, _k, value in own}).values_list(
            "case_id", "kind", "value_hash"
        )
    else:
        others = _oldest_sharing({(kind, value) for _c, kind, value in own}, per_identifier)
    by_hash = {}
    for case_id, kind, value in others:
        by_hash.setdefault((kind, value), set()).add(case_id)
    links = {}
    for case_id, kind, value in own:
        for other in by_hash.get((kind, value), ()):
            if other != case_id:
                links.setdefault(case_id, {}).setdefault(other, set()).add(kind)
    return links


def _oldest_sharing(identifiers, count):
    """(case id, kind, hash) rows of the oldest ``count`` cases of each (kind, hash), in one query:
    on PostgreSQL one index-only LIMIT per identifier (case_identifier_lookup), elsewhere (SQLite) a
    window over the identifiers' rows."""
    columns = ("case_id", "kind", "value_hash")
    if connection.vendor == "postgresql":
        # In SQL: the ORM's form of it, a UNION ALL of one queryset per identifier, took longer to
        # build and compile (~10 ms for a queue page's 60 identifiers) than the database to run.
        kinds, values = zip(*identifiers, strict=True)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT found.case_id, found.kind, found.value_hash"
                " FROM unnest(%s::varchar[], %s::varchar[]) AS wanted(kind, value_hash)"
                " CROSS JOIN LATERAL (SELECT case_id, kind, value_hash FROM forms_app_caseidentifier"
                " WHERE kind = wanted.kind AND value_hash = wanted.value_hash ORDER BY case_id LIMIT %s) AS found",
                [list(kinds), list(values), count],
            )
            return cursor.fetchall()
    oldest_first = Window(RowNumber(), partition_by=[F("value_hash"), F("kind")], order_by=F("case_id").asc())
    return (
        CaseIdentifier.objects.filter(value_hash__in={value for _kind, value in identifiers})
        .annotate(rank=oldest_first)
        .filter(rank__lte=count)
        .values_list(*columns)
    )


def _opened_identifiers(pks, opened):
    """Add to ``opened`` {pk: {(kind, value)}} the sealed identifiers of the cases ``pks`` not yet in it."""
    missing = [pk for pk in pks if pk not in opened]
    for row in Case.objects.filter(pk__in=missing).values_list(*CONFIRM_FIELDS):
        try:
            opened[row[0]] = {tuple(item) for item in open_index(*row[1:])[0]}
        except crypto.DecryptionError:
            opened[row[0]] = set()
    for pk in missing:
        opened.setdefault(pk, set())


def _share(mine, theirs, kinds):
    return any(kind in kinds and (kind, value) in theirs for kind, value in mine)


def confirmed_duplicate_flags(case_ids, candidates=5):
    """The ids among ``case_ids`` sharing a confirmed identifier with another case: the queue's
    flag. Unlike confirmed_duplicate_links, each case is confirmed against at most ``candidates``
    of the cases sharing its hashes (the oldest), all opened with one query: a page opens its own
    rows' sealed indexes and a few more, however many cases share one identifier (a thousand fake
    cases filed with one WeChat ID must not make every reviewer's queue open a thousand cases per
    page), in a constant number of queries. Equal keyed hashes confirm at once unless rows were
    forged; a case whose candidates all fail is left unflagged (its case page lists every
    confirmed duplicate)."""
    # The oldest candidates + 1 of each identifier hold a row's oldest candidates, itself aside.
    links = duplicate_links(case_ids, per_identifier=candidates + 1)
    chosen = {case_id: sorted(found)[:candidates] for case_id, found in links.items()}
    opened = {}
    _opened_identifiers(set(links) | {other for others in chosen.values() for other in others}, opened)
    return {
        case_id
        for case_id, others in chosen.items()
        if any(_share(opened[case_id], opened[other], links[case_id][other]) for other in others)
    }


def confirmed_duplicate_links(case_ids):
    """duplicate_links() kept only where both cases' sealed identifiers really are equal (1 more query)."""
    links = duplicate_links(case_ids)
    involved = set(links) | {other for found in links.values() for other in found}
    if not involved:
        return {}
    identifiers = {}
    _opened_identifiers(involved, identifiers)
    confirmed_links = {}
    for case_id, found in links.items():
        for other, kinds in found.items():
            same = {
                kind
                for kind, value in identifiers.get(case_id, ())
                if kind in kinds and (kind, value) in identifiers.get(other, ())
            }
            if same:
                confirmed_links.setdefault(case_id, {})[other] = same
    return confirmed_links


def possible_duplicates(case):
    """[(other case, [kinds shared])] for the cases sharing a confirmed identifier with ``case``."""
    links = confirmed_duplicate_links([case.pk]).get(case.pk, {})
    others = Case.objects.filter(pk__in=links).select_related("assigned_to").order_by("submitted_at", "pk")
    return [
        (other, [CaseIdentifierKind(kind).label for kind in sorted(links[other.pk])])
        for other in others.defer("sealed_answers", "sealed_index", "search_buckets")
    ]
