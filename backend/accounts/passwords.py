"""Password hashing (argon2) and the password rules."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l, lazy_ngettext

MIN_LENGTH = 10
MAX_LENGTH = 128
# The few passwords people pick most; a long list would add little over the length rule.
COMMON = {"wachtwoord1", "password12", "1234567890", "qwertyuiop", "welkom1234", "maatje1234", "password123"}

_default = PasswordHasher()
_fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _hasher() -> PasswordHasher:
    return _fast if current_app.config.get("ARGON2_FAST") else _default


def hash_password(password: str) -> str:
    """Return an argon2 hash of the password."""
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Tell whether the password matches the hash."""
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Tell whether the hash was made with other parameters than today's."""
    return _hasher().check_needs_rehash(password_hash)


def password_problems(password: str, email: str = "") -> list:
    """Return the reasons (translated lazily) why a new password is not acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(lazy_ngettext("Kies een wachtwoord van minstens %(n)d teken.",
                                      "Kies een wachtwoord van minstens %(n)d tekens.", MIN_LENGTH, n=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        problems.append(lazy_ngettext("Kies een wachtwoord van hoogstens %(n)d teken.",
                                      "Kies een wachtwoord van hoogstens %(n)d tekens.", MAX_LENGTH, n=MAX_LENGTH))
    if password.lower() in COMMON or (email and password.lower() == email.lower()):
        problems.append(_l("Dit wachtwoord is te makkelijk te raden."))
    return problems
