"""Models keep the keys they do not declare in a read-only `extra` mapping."""

from __future__ import annotations

import copy
import pickle
from collections import OrderedDict
from typing import Any

import attrs
import pytest

from emnify_async import models
from emnify_async._converter import structure, structure_list, unstructure
from emnify_async.models import (
    FormFactor,
    HourlyPoint,
    HourlySeries,
    NewApplicationToken,
    Organisation,
    OrganisationStats,
    Sim,
    SimModel,
    Status,
)
from emnify_async.models._base import Model

BODY: dict[str, Any] = {
    "id": 1,
    "iccid": "8988303000000000001",
    "satellite_capable": True,
    "status": {"id": 1, "description": "Activated", "color": "green"},
    "model": {"id": 8, "formfactor": {"id": 6, "name": "3FF", "esim": {"profiles": [1, 2]}}},
}


class TestExtra:
    def test_unknown_keys_are_kept(self) -> None:
        """Keys the SDK does not name yet are readable, at every level, as sent."""
        sim = structure(BODY, Sim)

        assert sim.extra == {"satellite_capable": True}
        assert sim.status is not None
        assert sim.status.extra == {"color": "green"}
        assert sim.model is not None
        assert sim.model.extra == {}
        assert sim.model.formfactor is not None
        assert sim.model.formfactor.extra == {"esim": {"profiles": [1, 2]}}

    def test_empty_without_unknown_keys(self) -> None:
        """A model built from documented keys, or by hand, has an empty extra."""
        assert structure({"id": 1, "status": {"id": 2}}, Sim).extra == {}
        assert Sim(id=1).extra == {}
        assert Status().extra == {}

    def test_read_only(self) -> None:
        """extra cannot be changed, nor replaced."""
        sim = structure(BODY, Sim)

        with pytest.raises(TypeError):
            sim.extra["satellite_capable"] = False  # type: ignore[index]
        with pytest.raises(AttributeError):
            sim.extra = {}  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            sim._extra = {}  # type: ignore[misc]

    def test_not_compared_nor_hashed(self) -> None:
        """Equality and hashing cover the declared fields only, so a key the API adds later
        does not change what a listed model compares equal to."""
        sim = structure(BODY, Sim)
        by_hand = Sim(
            id=1,
            iccid="8988303000000000001",
            status=Status(id=1, description="Activated"),
            model=SimModel(id=8, formfactor=FormFactor(id=6, name="3FF")),
        )
        without = structure({**BODY, "satellite_capable": None}, Sim)

        assert sim == by_hand
        assert hash(sim) == hash(by_hand)
        assert sim == without
        assert Sim(id=1) == structure({"id": 1}, Sim)

    def test_repr_shows_extra_only_when_there_is_some(self) -> None:
        """repr() ends with the extra keys when there are some, and is unchanged otherwise."""
        sim = structure(BODY, Sim)

        assert repr(sim).endswith(", extra={'satellite_capable': True})")
        assert "extra={'color': 'green'}" in repr(sim.status)
        assert "extra" not in repr(Sim(id=1))
        assert repr(structure({"id": 1}, Sim)) == repr(Sim(id=1))

    def test_repr_masks_extra_of_a_model_holding_a_secret(self) -> None:
        """An answer that carries a secret may carry another one the SDK does not name yet:
        its key shows, its value does not (but stays readable in `extra`)."""
        body = {"application_token": "tok-123", "refresh_token": "ref-456"}
        token = structure(body, NewApplicationToken)

        assert "ref-456" not in repr(token)
        assert "tok-123" not in repr(token)
        assert "'refresh_token': Secret('********')" in repr(token)
        assert token.extra == {"refresh_token": "ref-456"}

    @pytest.mark.parametrize(
        "clone",
        [copy.copy, copy.deepcopy, lambda sim: pickle.loads(pickle.dumps(sim))],
        ids=["copy", "deepcopy", "pickle"],
    )
    def test_copies_keep_extra(self, clone: Any) -> None:
        """Copies and pickles carry extra along, and stay read-only."""
        sim = structure(BODY, Sim)

        copied = clone(sim)

        assert copied == sim
        assert copied.extra == {"satellite_capable": True}
        assert copied.status.extra == {"color": "green"}
        with pytest.raises(TypeError):
            copied.extra["x"] = 1

    def test_evolve_and_request_bodies_leave_it_out(self) -> None:
        """A model made with attrs.evolve has no extra; unstructure sends declared fields only."""
        status = structure({"id": 1, "color": "green"}, Status)

        assert attrs.evolve(status, description="x").extra == {}
        assert unstructure(status) == {"id": 1}

    def test_consumed_aliases_are_not_extra(self) -> None:
        """Keys a model reads under another name (flat organisation ids, factory_mode) are
        not extra; genuinely unknown ones next to them are."""
        org = structure({"id": 7, "organisation_type_id": "4", "tier": "gold"}, Organisation)
        stats = structure({"sim": {"factory_mode": 3, "esim": 2}}, OrganisationStats)

        assert org.type == Status(id=4)
        assert org.extra == {"tier": "gold"}
        assert stats.sim is not None
        assert stats.sim.factory_test == 3
        assert stats.sim.extra == {"esim": 2}

    def test_mapping_and_pair_forms(self) -> None:
        """A Mapping that is not a dict keeps its extra keys; an hourly point sent as an
        object does too, and as a [time, value] pair has none."""
        sim = structure(OrderedDict(id=1, late=True), Sim)
        series = structure(
            {"rx": [["06:38", 1], {"time": "06:39", "value": 2, "unit": "MB"}]}, HourlySeries
        )

        assert sim.extra == {"late": True}
        assert series.rx == [
            HourlyPoint(time="06:38", value=1.0),
            HourlyPoint(time="06:39", value=2.0),
        ]
        assert [point.extra for point in series.rx] == [{}, {"unit": "MB"}]

    def test_listing_keeps_extra_of_shared_objects(self) -> None:
        """In a page, nested objects with the same JSON are shared, extra keys included; ones
        that differ in an unknown key stay apart."""
        page = [
            {"id": 1, "status": {"id": 1, "color": "green"}},
            {"id": 2, "status": {"id": 1, "color": "green"}},
            {"id": 3, "status": {"id": 1, "color": "red"}},
        ]

        first, second, third = structure_list(page, Sim)

        assert first.status is second.status
        assert first.status is not None
        assert first.status.extra == {"color": "green"}
        assert third.status is not None
        assert third.status.extra == {"color": "red"}


def test_every_response_model_keeps_extra() -> None:
    """A model added without the base would drop keys the SDK does not name yet."""
    classes = [getattr(models, name) for name in models.__all__]
    attrs_classes = [cls for cls in classes if isinstance(cls, type) and attrs.has(cls)]
    assert attrs_classes
    assert [cls.__name__ for cls in attrs_classes if not issubclass(cls, Model)] == []
