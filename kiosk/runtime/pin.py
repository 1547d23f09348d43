"""The admin PIN: stored only as a salted scrypt hash, checked with a lockout (no Qt).

The hash file holds one line, ``scrypt$N$r$p$salt$hash`` (salt and hash in base64). It is
written by ``kiosk --set-pin``; without a valid one the admin panel never opens.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.atomic import write_text_atomic

PIN_FILE = "admin-pin"
PIN_PATTERN = re.compile(r"[0-9]{4,12}")
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
HASH_BYTES = 32
SALT_BYTES = 16
MAX_ATTEMPTS = 3
LOCKOUT_SECONDS = 60.0


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def format(self) -> str:
        encode = base64.b64encode
        salt, digest = encode(self.salt).decode(), encode(self.digest).decode()
        return f"scrypt${self.n}${self.r}${self.p}${salt}${digest}"

    def matches(self, pin: str) -> bool:
        candidate = _scrypt(pin, self.salt, self.n, self.r, self.p, len(self.digest))
        return hmac.compare_digest(candidate, self.digest)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, size: int) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=size
    )


# The most common PINs people choose (the 4-digit ones from DataGenetics' analysis of 3.4
# million leaked PINs, and their usual 6-digit counterparts): an attacker tries these first.
# fmt: off
COMMON_PINS = frozenset({
    "1234", "1111", "0000", "1212", "7777", "1004", "2000", "4444", "2222", "6969", "9999",
    "3333", "5555", "6666", "1122", "1313", "8888", "4321", "2001", "1010", "123456", "654321",
    "111111", "000000", "121212", "112233", "123123", "159753", "696969", "520520", "123321",
    "147258", "159357", "789456",
})
# fmt: on


def _is_run(pin: str) -> bool:
    """Consecutive digits up or down, wrapping past 9 (1234, 6543, 7890)."""
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    return steps in ({1}, {9})


def _repeated_block(pin: str) -> str | None:
    """The shorter pattern ``pin`` repeats (12 in 1212, 123 in 123123), or None."""
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin[:size] * (len(pin) // size) == pin:
            return pin[:size]
    return None


def check_new_pin(pin: str) -> str | None:
    """Why ``pin`` cannot be used, or None: 4 to 12 digits, and not one of the PINs tried
    first (a common PIN, one repeated digit, a repeated pattern, a run of consecutive digits)."""
    if not PIN_PATTERN.fullmatch(pin):
        return "a PIN is 4 to 12 digits (0-9)"
    if len(set(pin)) == 1:
        return "a PIN of one repeated digit is too easy to guess"
    if pin in COMMON_PINS:
        return f"{pin} is one of the most common PINs, tried first by anyone guessing"
    if _is_run(pin):
        return f"{pin} is a run of consecutive digits, too easy to guess"
    if block := _repeated_block(pin):
        return f"{pin} repeats {block}, too easy to guess"
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> PinHash:
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return PinHash(SCRYPT_N, SCRYPT_R, SCRYPT_P, salt, digest)


def parse_pin_hash(text: str) -> PinHash:
    """The hash in ``text``; ValueError saying what is wrong with it."""
    parts = text.strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise ValueError("is not a PIN hash written by 'kiosk --set-pin' (scrypt$N$r$p$salt$hash)")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error) as exc:
        raise ValueError("has unreadable numbers or base64 in it") from exc
    if n < 2**10 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
        raise ValueError(f"has unsafe or impossible scrypt costs N={n} r={r} p={p}")
    if n * r * 128 > 256 * 1024 * 1024:
        raise ValueError(f"asks for too much memory (N={n} r={r})")
    if len(salt) < 8 or len(digest) < 16:
        raise ValueError("has a salt or hash that is too short")
    return PinHash(n, r, p, salt, digest)


def read_pin_hash(path: Path) -> tuple[PinHash | None, str | None]:
    """(hash, None), or (None, a one-line problem) when it is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, f"{path}: no admin PIN is set; set one with 'kiosk --set-pin'"
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path}: cannot read the admin PIN hash ({exc})"
    try:
        return parse_pin_hash(text), None
    except ValueError as exc:
        return None, f"{path}: {exc}; set the PIN again with 'kiosk --set-pin'"


def write_pin_hash(path: Path, pin_hash: PinHash) -> None:
    """Store the hash atomically, readable by its owner only."""
    write_text_atomic(path, pin_hash.format() + "\n")
    if os.name == "posix":
        path.chmod(0o600)


class Verdict(StrEnum):
    OPEN = "open"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no_pin"


LOCKOUT_FILE = "pin-lockout.json"


class PinGate:
    """Checks PINs against the stored hash; three wrong ones lock it for a minute.

    With a ``record`` file the wrong count and the lockout outlive a restart, so pulling the
    plug does not buy an intruder three more tries."""

    def __init__(
        self,
        pin_hash: PinHash | None,
        clock: Callable[[], float] = time.monotonic,
        attempts: int = MAX_ATTEMPTS,
        lockout: float = LOCKOUT_SECONDS,
        record: Path | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.pin_hash = pin_hash
        self.clock = clock
        self.max_attempts = attempts
        self.lockout = lockout
        self.record = record
        self.wall = wall
        self.wrong = 0
        self.locked_until = 0.0
        self._restore()

    @property
    def locked_for(self) -> float:
        """Seconds until PINs are checked again (0 when not locked)."""
        return max(0.0, self.locked_until - self.clock())

    def check(self, pin: str) -> Verdict:
        if self.pin_hash is None:
            return Verdict.NO_PIN
        if self.locked_for > 0:
            return Verdict.LOCKED
        if self.pin_hash.matches(pin):
            if self.wrong:
                self.wrong = 0
                self._save()
            return Verdict.OPEN
        self.wrong += 1
        verdict = Verdict.WRONG
        if self.wrong >= self.max_attempts:
            self.wrong = 0
            self.locked_until = self.clock() + self.lockout
            verdict = Verdict.LOCKED
        self._save()
        return verdict

    def _restore(self) -> None:
        if self.record is None:
            return
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
            wrong, until = int(data["wrong"]), float(data["locked_until"])
        except (OSError, ValueError, KeyError, TypeError):
            return  # none yet, or unreadable: start afresh
        self.wrong = min(max(wrong, 0), self.max_attempts - 1)
        left = min(until - self.wall(), self.lockout)  # never longer than a lockout (clock jumps)
        if left > 0:
            self.locked_until = self.clock() + left

    def _save(self) -> None:
        if self.record is None:
            return
        until = self.wall() + self.locked_for if self.locked_for > 0 else 0.0
        with contextlib.suppress(OSError):  # a full disk costs the memory of it, not the check
            write_text_atomic(self.record, json.dumps({"wrong": self.wrong, "locked_until": until}))
