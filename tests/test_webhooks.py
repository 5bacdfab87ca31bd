"""The receiving side: parsing pushed records and MO SMS, verifying callback tokens."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any

import jwt
import pytest

from emnify_async import (
    EmnifyError,
    Event,
    InputError,
    MoSms,
    Secret,
    UnknownRecord,
    UsageRecord,
)
from emnify_async.testing import (
    sample_event_record,
    sample_mo_sms,
    sample_usage_record,
    sign_callback_token,
    webhook_body,
)
from emnify_async.webhooks import (
    RecentKeys,
    WebhookPayloadError,
    WebhookVerificationError,
    dedupe_key,
    parse_data_stream,
    parse_mo_sms,
    verify_callback_token,
)

SECRET = "s3cret-" + "x" * 57  # 64 bytes: long enough for HS512
NOTES_EVENT = (
    '{"id":123456,"alert":true,"timestamp":"2020-07-20T14:19:29.000+0000","event_type":{"id":0,'
    '"description":"Generic"},"event_source":{"id":1},"event_severity":{"id":1},'
    '"organisation":{"id":1234},"endpoint":{"id":123456,"tags":null},"sim":{"id":1234}}'
)
NOTES_USAGE = (
    '[{"id":333333333333333,"cost":0.00188512,"traffic_type":{"id":5,"description":"Data"},'
    '"volume":{"total":0.219933,"rx":0.172848,"tx":0.047085},"start_timestamp":'
    '"2022-04-26T11:53:43Z","end_timestamp":"2024-02-15T14:56:15.260Z","imsi":"295050901064821",'
    '"endpoint":{"id":123456789},"sim":{"id":3324192}}]'
)
NOTES_SMS = (
    '{"id":123,"endpoint":{"id":1},"organisation":{"id":4},"source_address":432311234,'
    '"dest_address":12345678,"payload":"This is the message text","dcs":0,"pid":0,'
    '"submit_date":{}}'
)


class TestParseDataStream:
    def test_one_object_is_a_list_of_one_event(self) -> None:
        """A stream of size 1 sends a bare object: the documented event, as an `Event`."""
        (record,) = parse_data_stream(NOTES_EVENT.encode())

        assert isinstance(record, Event)
        assert record.id == 123456 and record.alert is True
        assert record.event_type is not None and record.event_type.description == "Generic"
        assert record.timestamp is not None and record.timestamp.tzinfo is not None
        assert dedupe_key(record) == "event:123456"

    def test_an_array_of_usage_records_keeps_decimals(self) -> None:
        """Volumes and cost are exact decimals, not binary floats."""
        (record,) = parse_data_stream(NOTES_USAGE)

        assert isinstance(record, UsageRecord)
        assert record.id == 333333333333333
        assert record.cost == Decimal("0.00188512")
        assert record.volume is not None and record.volume.total == Decimal("0.219933")
        assert record.volume.rx + record.volume.tx == record.volume.total  # type: ignore[operator]
        assert record.traffic_type is not None and record.traffic_type.id == 5
        assert dedupe_key(record) == "usage:333333333333333"

    def test_mixed_batch_in_order_and_decoded_json_accepted(self) -> None:
        records = [sample_event_record(1), sample_usage_record(2, sms=True), {"id": 3, "x": 1}]

        parsed = parse_data_stream(json.loads(webhook_body(*records)))

        assert [type(r) for r in parsed] == [Event, UsageRecord, UnknownRecord]
        assert parsed[2] == UnknownRecord(data={"id": 3, "x": 1}, id=3)
        assert [dedupe_key(r) for r in parsed] == ["event:1", "usage:2", "unknown:3"]
        assert dedupe_key(UnknownRecord(data={})) is None

    def test_new_fields_are_tolerated(self) -> None:
        record = sample_usage_record(5)
        record["brand_new"] = {"nested": [1, 2]}

        (parsed,) = parse_data_stream(webhook_body(record))

        assert isinstance(parsed, UsageRecord) and parsed.id == 5

    @pytest.mark.parametrize(
        ("body", "fragment"),
        [
            (b"{not json", "not valid JSON"),
            (b"\xff\xfe", "not UTF-8"),
            (b"42", "not an object or array"),
            (b"[1]", r"record \[0\] is a int"),
            (
                b'[{"id": 1, "event_type": {"id": 5}}, {"id": "x", "event_type": {}}]',
                r"record \[1\]: Event.id",
            ),
            (b'{"id": 1, "traffic_type": {"id": 5}, "volume": "lots"}', "volume"),
        ],
    )
    def test_malformed_bodies_are_typed_errors(self, body: bytes, fragment: str) -> None:
        with pytest.raises(WebhookPayloadError, match=fragment) as caught:
            parse_data_stream(body)
        assert isinstance(caught.value, EmnifyError)


class TestParseMoSms:
    def test_the_documented_example(self) -> None:
        """Numbers as addresses become text; the example's empty `submit_date` is None."""
        sms = parse_mo_sms(NOTES_SMS)

        assert isinstance(sms, MoSms)
        assert (sms.id, sms.source_address, sms.dest_address) == (123, "432311234", "12345678")
        assert sms.payload == "This is the message text"
        assert sms.endpoint is not None and sms.endpoint.id == 1
        assert sms.submit_date is None
        assert dedupe_key(sms) == "sms:123"

    def test_a_timestamp(self) -> None:
        sms = parse_mo_sms(json.dumps(sample_mo_sms(7)).encode())

        assert sms.submit_date is not None and sms.submit_date.year == 2019

    @pytest.mark.parametrize("body", [b"[]", b'[{"id": 1}]', b"nope", b'{"id": "x"}'])
    def test_not_one_sms_object(self, body: bytes) -> None:
        with pytest.raises(WebhookPayloadError):
            parse_mo_sms(body)


def test_recent_keys_forget_the_oldest() -> None:
    seen = RecentKeys(maxsize=2)

    firsts = [seen.first_time(k) for k in ("a", "b", "a", "c", "a", "b", None, None)]

    # "a" seen again is kept, so "b" is the oldest when "c" comes: forgotten, new again.
    assert firsts == [True, True, False, True, False, True, True, True]
    assert len(seen) == 2
    with pytest.raises(ValueError):
        RecentKeys(0)


def _never_shown(error: BaseException, *secrets: str) -> None:
    shown = f"{error!s} {error!r} {error.args!r} {vars(error)!r}"
    for secret in secrets:
        assert secret not in shown
        for part in secret.split("."):
            assert len(part) < 12 or part not in shown


class TestVerifyCallbackToken:
    @pytest.mark.parametrize("algorithm", ["HS256", "HS384", "HS512"])
    def test_the_hmac_family_signed_by_the_emulator(self, algorithm: str) -> None:
        """Tokens signed like emnify's (by the emulator's own signer) are verified by PyJWT."""
        token = sign_callback_token(SECRET, {"sub": "sms"}, algorithm=algorithm)

        claims = verify_callback_token(f"Bearer {token}", SECRET)

        assert claims["sub"] == "sms"

    def test_pyjwt_tokens_and_secret_types(self) -> None:
        token = jwt.encode({"esc.org": 1}, SECRET, algorithm="HS384")

        for secret in (SECRET, SECRET.encode(), Secret(SECRET)):
            assert verify_callback_token(f"bearer  {token} ", secret) == {"esc.org": 1}

    @pytest.mark.parametrize(
        ("header", "fragment"),
        [
            (None, "no Authorization header"),
            ("", "no Authorization header"),
            ("Basic dXNlcjpwYXNz", "not 'Bearer <token>'"),
            ("Bearer", "not 'Bearer <token>'"),
            ("Bearer not-a-jwt", "malformed"),
            ("Bearer a.b.c", "malformed"),
        ],
    )
    def test_missing_or_malformed(self, header: str | None, fragment: str) -> None:
        with pytest.raises(WebhookVerificationError, match=fragment):
            verify_callback_token(header, SECRET)

    def test_another_secret_is_refused_and_never_shown(self) -> None:
        token = sign_callback_token("another-secret-" + "y" * 49)

        with pytest.raises(WebhookVerificationError, match="signature does not match") as caught:
            verify_callback_token(f"Bearer {token}", SECRET)
        _never_shown(caught.value, token, SECRET)

    def test_none_is_refused(self) -> None:
        """An unsigned token (`alg: none`) is refused, whatever its claims."""
        token = sign_callback_token(SECRET, algorithm="none")

        with pytest.raises(WebhookVerificationError, match="'none' is not accepted") as caught:
            verify_callback_token(f"Bearer {token}", SECRET)
        _never_shown(caught.value, token, SECRET)

    @pytest.mark.parametrize("algorithm", ["RS256", "ES256", "PS256", "HS1"])
    def test_other_algorithms_are_refused(self, algorithm: str) -> None:
        """A public-key algorithm keyed by the secret (algorithm confusion) is refused."""
        header = json.dumps({"alg": algorithm, "typ": "JWT"}).encode()
        good = sign_callback_token(SECRET).split(".")
        import base64

        forged = base64.urlsafe_b64encode(header).rstrip(b"=").decode()
        token = ".".join([forged, good[1], good[2]])

        with pytest.raises(WebhookVerificationError, match="not accepted"):
            verify_callback_token(f"Bearer {token}", SECRET)

    def test_expired_within_and_beyond_leeway(self) -> None:
        now = time.time()
        late = sign_callback_token(SECRET, issued_at=now - 600, expires_in=580)  # 20 s ago

        assert verify_callback_token(f"Bearer {late}", SECRET)["exp"] < now
        with pytest.raises(WebhookVerificationError, match="expired"):
            verify_callback_token(f"Bearer {late}", SECRET, leeway=5)

    def test_not_valid_yet(self) -> None:
        token = sign_callback_token(SECRET, {"nbf": int(time.time()) + 3600})

        with pytest.raises(WebhookVerificationError, match="not valid yet"):
            verify_callback_token(f"Bearer {token}", SECRET)

    def test_max_age_and_required_claims(self) -> None:
        old = sign_callback_token(SECRET, issued_at=time.time() - 3600, expires_in=None)
        bare = jwt.encode({"sub": "x"}, SECRET, algorithm="HS256")

        assert verify_callback_token(f"Bearer {old}", SECRET)["iat"] > 0
        with pytest.raises(WebhookVerificationError, match="more than 60 s ago"):
            verify_callback_token(f"Bearer {old}", SECRET, max_age=60)
        with pytest.raises(WebhookVerificationError, match="'iat'"):
            verify_callback_token(f"Bearer {bare}", SECRET, max_age=60)
        with pytest.raises(WebhookVerificationError, match="'exp'"):
            verify_callback_token(f"Bearer {old}", SECRET, require=("exp",))

    @pytest.mark.parametrize("secret", ["", b"", Secret("")])
    def test_an_empty_secret_is_a_programming_error(self, secret: Any) -> None:
        with pytest.raises(InputError):
            verify_callback_token("Bearer x.y.z", secret)
