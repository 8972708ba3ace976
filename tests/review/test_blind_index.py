"""The truncated blind index: a case filer holding a database dump cannot single out the cases that
share their chosen words; sizes do not tell text length; duplicates are confirmed after decryption."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from forms_app.cases import crypto, indexing
from forms_app.cases.models import WordingMismatch
from forms_app.models import Case, CaseIdentifier, FormWording
from forms_app.review.selection import search
from tests.builders import all_intake_forms, make_case
from tests.helpers import soup, visible_text

CHOSEN = "王小明 住在乌鲁木齐 wxid_target77 Zhang Wei Kashgar 艾尔肯"


@pytest.mark.django_db
def test_a_chosen_token_filer_cannot_single_out_cases_at_1000_cases():
    """With 1,000 other cases, every bucket of a case filed with chosen words is shared by at least
    MIN_CASES_PER_BUCKET_AT_1000 of them: the dump alone never narrows a chosen word to a few cases."""
    all_intake_forms()
    call_command("make_fake_cases", 1000, "--seed", "11", "--force", verbosity=0)
    attacker = make_case("persecution", "zh-hans", what_happened=CHOSEN)
    own = Case.objects.get(pk=attacker.pk).search_buckets
    counts = dict.fromkeys(own, 0)
    for buckets in Case.objects.exclude(pk=attacker.pk).values_list("search_buckets", flat=True):
        for value in set(buckets) & counts.keys():
            counts[value] += 1
    assert min(counts.values()) >= indexing.MIN_CASES_PER_BUCKET_AT_1000
    # The chosen words themselves (what the attacker knows) fall in such buckets.
    chosen = {indexing.bucket(token) for token in indexing.tokens(CHOSEN)}
    assert chosen <= set(own)


@pytest.mark.django_db
def test_stored_sizes_do_not_tell_the_length_of_the_text():
    """A one-word story and a story of forty different words store the same number of buckets, a
    sealed index of the same length, and sealed answers rounded to the same 512-byte block."""
    short = make_case("persecution", "en", what_happened="Blocked.")
    long = make_case("persecution", "en", what_happened=" ".join(f"w{number}" for number in range(40)))
    short, long = Case.objects.get(pk=short.pk), Case.objects.get(pk=long.pk)
    assert len(short.search_buckets) == len(long.search_buckets) == indexing.BUCKET_SET_STEP
    assert len(bytes(short.sealed_index)) == len(bytes(long.sealed_index))
    assert len(bytes(short.sealed_answers)) == len(bytes(long.sealed_answers))
    assert (len(bytes(short.sealed_answers)) - 29) % 512 == 0  # version, nonce and tag: 29 bytes


@pytest.mark.django_db
def test_candidates_sharing_buckets_are_confirmed_before_they_are_shown():
    """A case whose buckets were forged to contain a query's buckets is a candidate but is not listed:
    its sealed index does not hold the words."""
    real = make_case("persecution", "en", what_happened="The landslide video was removed.")
    other = make_case("persecution", "en", what_happened="Nothing in common.")
    Case.objects.filter(pk=other.pk).update(search_buckets=list(range(indexing.BUCKETS)))
    plan = indexing.plan_search("landslide video")
    assert set(indexing.candidate_cases(Case.objects.all(), plan)) == {real, other}
    found, complete = search(Case.objects.all(), "landslide video")
    assert list(found) == [real] and complete


@pytest.mark.django_db
def test_search_and_duplicate_hashes_use_separate_sub_keys():
    """Identifier hashes are keyed with their own sub-key: not the search key, not the receipt hashes."""
    case = make_case("persecution", "en", wechat_id="wxid_separate1")
    stored = CaseIdentifier.objects.get(case=case, kind="wechat_id").value_hash
    assert stored == indexing.identifier_hash("wechat_id", "wxid_separate1")
    assert stored != crypto.keyed_hash("duplicate:wechat_id", "wxid_separate1")
    assert crypto.derived_key(indexing.DUPLICATE_PURPOSE) != crypto.derived_key(indexing.SEARCH_PURPOSE)


@pytest.mark.django_db
def test_a_forged_identifier_link_is_not_shown_as_a_duplicate(client, reviewer):
    """Copying one case's identifier hash onto another (a database writer) does not make the case
    page call them duplicates: the sealed identifiers disagree."""
    first = make_case("persecution", "en", wechat_id="wxid_first01", contact_email="one@example.org")
    second = make_case("persecution", "en", wechat_id="wxid_second2", contact_email="two@example.org")
    forged = CaseIdentifier.objects.get(case=first, kind="wechat_id").value_hash
    CaseIdentifier.objects.filter(case=second, kind="wechat_id").update(value_hash=forged)
    assert indexing.duplicate_links([first.pk])  # the hashes match ...
    client.force_login(reviewer)
    page = soup(client.get(reverse("forms_app_review:detail", args=[first.pk])))
    assert page.select_one("#duplicates") is None  # ... but nothing is confirmed
    assert second.reference not in visible_text(page)


@pytest.mark.django_db
def test_wording_is_stored_once_and_bound_to_the_case():
    """Cases of one form share one FormWording row; the sealed answers hold only its key, and a case
    pointed at other wording refuses to show it."""
    first = make_case("persecution", "en")
    second = make_case("persecution", "en")
    assert first.wording_id == second.wording_id
    assert FormWording.objects.filter(pk=first.wording_id).count() == 1
    assert "questions" not in Case.objects.get(pk=first.pk).answer_payload
    assert Case.objects.get(pk=first.pk).questions_as_seen == first.questions_as_seen
    other = make_case("investor", "en")
    Case.objects.filter(pk=first.pk).update(wording=other.wording_id)
    with pytest.raises(WordingMismatch):
        _seen = Case.objects.get(pk=first.pk).questions_as_seen


@pytest.mark.django_db
def test_reindex_rebuilds_the_index_and_moves_old_wording_out(client, reviewer):
    """reindex_cases makes a case filed before the truncated index findable again, and a case that
    still carries its wording in its answers is rewritten to reference FormWording."""
    case = make_case("persecution", "zh-hant", what_happened="我的微信帳號被封了")
    stored = Case.objects.get(pk=case.pk)
    old_payload = {"answers": stored.answers, "questions": stored.questions_as_seen}

    stored.sealed_answers = stored.seal("answers", json.dumps(old_payload).encode())
    stored.save(update_fields=["sealed_answers"])
    Case.objects.filter(pk=case.pk).update(search_buckets=[], sealed_index=b"", wording=None)
    CaseIdentifier.objects.filter(case=case).delete()
    assert not search(Case.objects.all(), "帐号被封")[0].exists()
    call_command("reindex_cases", verbosity=0)
    assert list(search(Case.objects.all(), "帐号被封")[0]) == [case]
    again = Case.objects.get(pk=case.pk)
    assert "questions" not in again.answer_payload and again.wording_id
    assert again.questions_as_seen == old_payload["questions"]
    assert CaseIdentifier.objects.filter(case=case).exists()


def test_padding_buckets_are_spread_over_the_whole_range():
    """The padding drawn in bulk from the system's generator (one call per round, not per bucket)
    fills the set to its coarse size, keeps the real buckets and lands evenly on every bucket."""
    real = {1, 2, 3, 4095}
    sixteenths = [0] * 16
    for _ in range(300):
        padded = indexing.padded_buckets(real)
        assert len(padded) == indexing.BUCKET_SET_STEP and real <= padded
        assert all(0 <= value < indexing.BUCKETS for value in padded)
        for value in padded - real:
            sixteenths[value * 16 // indexing.BUCKETS] += 1
    expected = sum(sixteenths) / 16
    assert all(0.8 * expected < count < 1.2 * expected for count in sixteenths)
    # A case with more words than one step needs the next multiple; with every bucket, no padding.
    assert len(indexing.padded_buckets(set(range(200)))) == 2 * indexing.BUCKET_SET_STEP
    assert indexing.padded_buckets(set(range(indexing.BUCKETS))) == set(range(indexing.BUCKETS))
    assert 2**16 % indexing.BUCKETS == 0  # what the bulk draw relies on
