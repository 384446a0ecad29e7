"""WeCom's callback encryption, written from the published scheme (not from the SDK), so that a
test can check the bot's SDK (wechatpy) against it in both directions.

The scheme (企业微信 "加解密方案说明"): the AES key is base64(EncodingAESKey + "=") — 32 bytes —
and the IV its first 16 bytes; the plaintext is 16 random bytes + the message's length (4 bytes,
big-endian) + the message + the receive id (the corp id for an app's callbacks, "" for an AI
bot's), padded with PKCS#7 to a multiple of 32 bytes, AES-256-CBC encrypted and base64-encoded.
The signature (msg_signature) is the SHA-1 of the token, timestamp, nonce and ciphertext, sorted
and concatenated.
"""
from __future__ import annotations

import base64
import hashlib
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 32  # WeCom pads to 32 bytes, not AES's 16


class CryptoError(Exception):
    """A ciphertext that does not decrypt to a well-formed message for this receive id."""


def aes_key(encoding_aes_key: str) -> bytes:
    key = base64.b64decode(encoding_aes_key + "=")
    if len(key) != 32:
        raise ValueError("an EncodingAESKey is 43 characters of base64 for 32 bytes")
    return key


def signature(token: str, timestamp: str, nonce: str, encrypted: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypted])).encode()).hexdigest()


def encrypt(encoding_aes_key: str, text: str, receive_id: str, random16: bytes | None = None) -> str:
    key = aes_key(encoding_aes_key)
    body = text.encode()
    plain = (random16 or os.urandom(16)) + struct.pack(">I", len(body)) + body + receive_id.encode()
    pad = BLOCK - len(plain) % BLOCK
    plain += bytes([pad]) * pad
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(plain) + enc.finalize()).decode()


def decrypt(encoding_aes_key: str, encrypted: str, receive_id: str) -> str:
    key = aes_key(encoding_aes_key)
    try:
        raw = base64.b64decode(encrypted)
        dec = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
        plain = dec.update(raw) + dec.finalize()
    except ValueError as e:
        raise CryptoError(str(e)) from e
    pad = plain[-1] if plain else 0
    if not 1 <= pad <= BLOCK or plain[-pad:] != bytes([pad]) * pad:
        raise CryptoError("bad PKCS#7 padding")
    content = plain[16:-pad]
    (length,) = struct.unpack(">I", content[:4])
    message, rid = content[4:4 + length], content[4 + length:]
    if rid.decode() != receive_id:
        raise CryptoError("receive id mismatch")
    return message.decode()


def encrypt_file(aeskey: str, data: bytes) -> bytes:
    """An AI bot's media (a mixed message's image behind its URL): the file's bytes AES-256-CBC
    encrypted with the item's `aeskey` (base64 of 32 bytes; the IV its first 16), PKCS#7 to 32
    bytes — the callback scheme without its random prefix, length and receive id."""
    key = base64.b64decode(aeskey + "=" * (-len(aeskey) % 4))
    pad = BLOCK - len(data) % BLOCK
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return enc.update(data + bytes([pad]) * pad) + enc.finalize()
