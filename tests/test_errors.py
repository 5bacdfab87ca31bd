"""Error responses become typed exceptions carrying emnify's fields, whatever the body."""

from __future__ import annotations

import pickle

import pytest
from aiohttp import web

from emnify_async import (
    APIConnectionError,
    APIRedirectError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncEmnify,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    EmnifyError,
    ErrorDetail,
    InputError,
    InternalServerError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    UnprocessableEntityError,
)
from emnify_async._status_errors import make_status_error, parse_retry_after
from emnify_async.testing import Emulator

from .fakes import FakeAPI, json_response

SIM_PATH = "/api/v1/sim/5"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (504, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, expected: type[APIStatusError]) -> None:
    """Each status class has its own exception type."""
    exc = make_status_error(method="GET", path="/x", status=status, headers={}, body=b"")

    assert type(exc) is expected
    assert exc.status == status


class TestBodyShapes:
    def test_full_emnify_body_with_nested_errors(self) -> None:
        """error_code, error_token, message and nested errors are all kept."""
        body = (
            b'{"error_code": 1400, "error_token": "InputValidationFailed", '
            b'"message": "Update endpoint validation error", "errors": [{"error_code": 1401, '
            b'"error_token": "InvalidReference", '
            b'"message": "Service profile with Id \'-1\' not found."}]}'
        )
        exc = make_status_error(
            method="PATCH",
            path="/api/v1/endpoint/1",
            status=422,
            headers={"x-amzn-RequestId": "req-1"},
            body=body,
        )

        assert isinstance(exc, UnprocessableEntityError)
        assert (exc.error_code, exc.error_token) == (1400, "InputValidationFailed")
        assert exc.message == "Update endpoint validation error"
        assert exc.errors == [
            ErrorDetail(1401, "InvalidReference", "Service profile with Id '-1' not found.")
        ]
        assert exc.request_id == "req-1"
        assert exc.body == body
        assert "Service profile with Id '-1' not found." in str(exc)
        assert "req-1" in str(exc)

    def test_gateway_bare_message(self) -> None:
        """The gateway's `{"message": ...}` gives the message and no code."""
        body = b'{"message":"token contains an invalid number of segments"}'
        exc = make_status_error(method="GET", path="/x", status=401, headers={}, body=body)

        assert isinstance(exc, AuthenticationError)
        assert exc.message == "token contains an invalid number of segments"
        assert exc.error_code is None

    @pytest.mark.parametrize(
        "body",
        [b"", b"   ", b"<html>Bad Gateway</html>", b"[1, 2]", b'{"message": 5}'],
        ids=["empty", "blank", "html", "json-list", "odd-message"],
    )
    def test_unusual_bodies_still_give_a_message(self, body: bytes) -> None:
        """Empty, non-JSON and odd bodies still give the right class and a readable message."""
        exc = make_status_error(
            method="PATCH", path="/api/v1/sim_batch/bic/X", status=422, headers={}, body=body
        )

        assert isinstance(exc, UnprocessableEntityError)
        assert "Unprocessable" in exc.message
        assert "HTTP 422" in str(exc)

    def test_html_body_is_quoted_briefly(self) -> None:
        """A non-JSON body is quoted (shortened) so the user sees what came back."""
        exc = make_status_error(
            method="GET", path="/x", status=502, headers={}, body=b"<html>" + b"x" * 1000
        )

        assert "<html>" in exc.message
        assert len(exc.message) < 400


class TestRetryAfterParsing:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("3", 3.0),
            ("0", 0.0),
            ("1.5", 1.5),
            ("-4", 0.0),
            ("Wed, 21 Oct 2015 07:28:10 GMT", 10.0),
            ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
            ("soon", None),
            ("nan", None),
            ("inf", None),
            (None, None),
        ],
    )
    def test_seconds_and_http_dates(self, value: str | None, expected: float | None) -> None:
        """Retry-After is read as delta-seconds or an HTTP date; garbage gives None."""
        now = 1445412480.0  # Wed, 21 Oct 2015 07:28:00 GMT

        assert parse_retry_after(value, now=now) == expected

    def test_rate_limit_error_carries_retry_after(self) -> None:
        """A 429 exposes the server's Retry-After as `retry_after`."""
        exc = make_status_error(
            method="GET", path="/x", status=429, headers={"Retry-After": "7"}, body=b""
        )

        assert isinstance(exc, RateLimitError)
        assert exc.retry_after == 7.0


class TestOverHTTP:
    async def test_not_found_from_server(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """A real 404 response raises NotFoundError with the request id header."""

        async def missing(request: web.Request) -> web.Response:
            return json_response(
                {"error_code": 1201, "error_token": "NotFound", "message": "SIM not found"},
                404,
                headers={"x-amzn-RequestId": "abc-123"},
            )

        fake.route("GET", SIM_PATH, missing)

        with pytest.raises(NotFoundError) as caught:
            await fake_client.sims.get(5)

        assert caught.value.error_code == 1201
        assert caught.value.request_id == "abc-123"
        assert caught.value.method == "GET"
        assert caught.value.path == SIM_PATH
        assert fake.issued[0] not in str(caught.value)


class TestUnexpectedShapes:
    async def test_wrong_shape_raises_response_validation_error(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A 200 whose body is not shaped like a SIM raises APIResponseValidationError."""

        async def odd(request: web.Request) -> web.Response:
            return json_response({"id": "not-a-number"})

        fake.route("GET", SIM_PATH, odd)

        with pytest.raises(APIResponseValidationError) as caught:
            await fake_client.sims.get(5)

        assert caught.value.path == SIM_PATH

    async def test_object_where_a_list_was_expected(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A list endpoint answering with an object raises APIResponseValidationError."""

        async def odd(request: web.Request) -> web.Response:
            return json_response({"id": 1})

        fake.route("GET", "/api/v1/sim/status", odd)

        with pytest.raises(APIResponseValidationError):
            await fake_client.sims.statuses()


class TestPickling:
    async def test_errors_from_real_failures_cross_a_process_boundary(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Every error the SDK raises pickles with its status, codes, message and request id
        (for process pools and job queues)."""
        emnify_emulator.inject("GET", "/api/v1/sim/6", status=200, body=b"", times=10)
        emnify_emulator.inject(
            "GET", "/api/v1/sim/7", status=302, headers={"Location": "/x"}, times=10
        )
        emnify_emulator.inject("GET", "/api/v1/sim/8", status=429, times=10)
        raised: list[Exception] = []
        for call in (
            client.sims.get(999_999),  # 404 with emnify's body
            client.sims.get(6),  # blank 200
            client.sims.get(7),  # redirect
            client.sims.get(8),  # 429
            client.sims.update(1, status=3),  # 422 with nested errors
        ):
            with pytest.raises(EmnifyError) as caught:
                await call
            raised.append(caught.value)
        raised.append(InputError("per_page must be an integer"))

        for error in raised:
            copy = pickle.loads(pickle.dumps(error))

            assert type(copy) is type(error)
            assert str(copy) == str(error)
            assert copy.__dict__ == error.__dict__
        not_found = pickle.loads(pickle.dumps(raised[0]))
        assert isinstance(not_found, NotFoundError)
        assert (not_found.status, not_found.error_code, not_found.error_token) == (
            404,
            1201,
            "NotFound",
        )
        assert not_found.request_id is not None

    def test_every_exception_class_round_trips(self) -> None:
        """Built directly, each public exception class survives pickling."""
        detail = ErrorDetail(1401, "InvalidReference", "Service profile not found.")
        status = UnprocessableEntityError(
            "validation failed",
            method="PATCH",
            path="/api/v1/sim/1",
            status=422,
            error_code=1400,
            error_token="InputValidationFailed",
            errors=[detail],
            body=b"{}",
            request_id="r-1",
            headers={"x-amzn-RequestId": "r-1"},
        )
        samples: list[Exception] = [
            status,
            APIConnectionError("reset", method="GET", path="/p", sent=False),
            APITimeoutError("slow", method="GET", path="/p"),
            APIRedirectError("302", method="GET", path="/p", status=302, location="/x"),
            ResponseTooLargeError("big", method="GET", path="/p", status=200, limit=10),
            OutcomeUnknownError(
                "unknown", method="PATCH", path="/p", error=status, verify_error=status
            ),
        ]

        for sample in samples:
            copy = pickle.loads(pickle.dumps(sample))
            assert type(copy) is type(sample)
            assert str(copy) == str(sample)
        assert pickle.loads(pickle.dumps(status)).errors == [detail]
