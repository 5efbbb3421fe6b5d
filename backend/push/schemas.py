"""Request and response schemas of /api/push."""
import binascii

import marshmallow as ma
from flask_babel import lazy_gettext as _l

from backend.push.vapid import b64url_decode

KEY_INVALID = _l("Deze sleutel van het apparaat klopt niet.")
B64URL = ma.validate.Regexp(r"^[A-Za-z0-9_-]+={0,2}$", error=KEY_INVALID)


def _decodes_to(length: int, first: int | None = None):
    def check(value: str) -> None:
        try:
            raw = b64url_decode(value.rstrip("="))
        except (binascii.Error, ValueError):
            raise ma.ValidationError(str(KEY_INVALID)) from None
        if len(raw) != length or (first is not None and raw[0] != first):
            raise ma.ValidationError(str(KEY_INVALID))

    return check


class KeysSchema(ma.Schema):
    # The browser's P-256 public key (uncompressed point, 65 bytes) and auth secret (16 bytes).
    p256dh = ma.fields.String(required=True, validate=[ma.validate.Length(max=100), B64URL, _decodes_to(65, 0x04)])
    auth = ma.fields.String(required=True, validate=[ma.validate.Length(max=32), B64URL, _decodes_to(16)])


class SubscriptionSchema(ma.Schema):
    endpoint = ma.fields.String(required=True, validate=ma.validate.Length(min=12, max=1000),
                                metadata={"description": "The push service's URL for this device (https)"})
    keys = ma.fields.Nested(KeysSchema, required=True)
    expirationTime = ma.fields.Raw(load_default=None, allow_none=True,
                                   metadata={"description": "As PushSubscription.toJSON() gives it; ignored"})


class EndpointSchema(ma.Schema):
    endpoint = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=1000))


class PublicKeySchema(ma.Schema):
    public_key = ma.fields.String(metadata={"description": "The VAPID public key, base64url: the applicationServerKey"})
