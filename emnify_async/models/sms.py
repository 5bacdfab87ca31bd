"""SMS models: ``/api/v1/endpoint/{id}/sms``.

The API sends many numbers of an SMS record as strings (``"dlr_status_id": "4"``,
``"endpoint_id": "11379224"``); the models read them as numbers.
"""

import datetime

import attrs

from ._base import Model
from ._common import Status
from .endpoints import NamedRef

__all__ = ["Sms"]


@attrs.frozen(kw_only=True)
class Sms(Model):
    """One SMS sent to (MT) or from (MO) an endpoint."""

    id: int
    """SMS id."""
    status: Status | None = None
    """Delivery status, e.g. ``BUFFERED``, ``DELIVERED``, ``EXPIRED`` (in ``description``)."""
    sms_type: Status | None = None
    """``MT`` (to the device) or ``MO`` (from it)."""
    source_address: str | None = None
    """Sender: a number or an alphanumeric name."""
    source_address_type: Status | None = None
    """How ``source_address`` is to be read (``National``, ``International``,
    ``Alphanumeric``)."""
    payload: str | None = None
    """The message text."""
    udh: str | None = None
    """User data header (hex), for multi-part messages."""
    dcs: int | None = None
    """Data coding scheme."""
    pid: int | None = None
    """Protocol identifier."""
    submit_date: datetime.datetime | None = None
    """When it was submitted (UTC)."""
    delivery_date: datetime.datetime | None = None
    """When it was delivered (UTC)."""
    expiry_date: datetime.datetime | None = None
    """When delivery gives up (UTC)."""
    final_date: datetime.datetime | None = None
    """When it reached its final status (UTC)."""
    retry_date: datetime.datetime | None = None
    """Next delivery attempt (UTC)."""
    last_delivery_attempt: datetime.datetime | None = None
    """Last delivery attempt (UTC)."""
    retry_count: int | None = None
    """Delivery attempts so far."""
    dlr_status_id: int | None = None
    """Delivery report status id."""
    registered_delivery: int | None = None
    """Whether a delivery report was asked for (1) or not (0)."""
    gsm_map_error: str | None = None
    """The network's error, when delivery failed."""
    endpoint: NamedRef | None = None
    """The endpoint, when the API nests it."""
    endpoint_id: int | None = None
    """Endpoint id."""
    organisation_id: int | None = None
    """Organisation id."""
    sim_id: int | None = None
    """SIM id."""
    iccid: str | None = None
    """ICCID of the SIM."""
    msisdn: str | None = None
    """MSISDN of the SIM."""
    imsi: str | None = None
    """IMSI used."""
    msc: str | None = None
    """Mobile switching centre number."""
    called_party_prefix: str | None = None
    """Prefix of the called party, if any."""
    esme_interface_type: Status | None = None
    """Interface it came through, e.g. ``RestAPI``."""
    smpp_bind_id: int | None = None
    """SMPP bind, for SMS sent over SMPP."""
    smpp_dlr_bind_id: int | None = None
    """SMPP bind of the delivery report."""
    p2p_ext: int | None = None
    """Peer-to-peer extension flag."""
