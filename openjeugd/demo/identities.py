"""Synthetic personal data for demo youths: test BSNs and Dutch-looking names (pure)."""

import random

# BSNs beginning with 9999 are used as test numbers and are not issued to people; the
# 9999xxxx range holds 10,000 candidates of which about 10/11 pass the 11-proef.
TEST_BSN_PREFIX = "9999"

SURNAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
    "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "Willems", "Hermans",
    "Gerritsen", "Verbeek", "Kuipers", "Martens", "Yilmaz", "El Amrani", "Öztürk",
    "Nguyen", "Bouzid", "Pinas", "Kramer", "Schouten", "Arts", "Verhoeven",
)
# Initials drawn from common first-name letters, so "J.", "S.", "L." appear most.
INITIAL_LETTERS = "JJJSSLLMMAAENNTDKRBFHIPGO"


def check_digit(first_eight: str) -> int | None:
    """The ninth digit that makes the number pass the 11-proef, or None if none does.

    11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11.
    """
    total = sum(int(d) * w for d, w in zip(first_eight, range(9, 1, -1), strict=True))
    digit = total % 11
    return None if digit == 10 else digit


def valid_test_bsns() -> list[str]:
    """Every valid BSN with the test prefix, in ascending order."""
    free = 8 - len(TEST_BSN_PREFIX)
    numbers = []
    for n in range(10**free):
        first_eight = f"{TEST_BSN_PREFIX}{n:0{free}d}"
        digit = check_digit(first_eight)
        if digit is not None:
            numbers.append(f"{first_eight}{digit}")
    return numbers


def draw_test_bsns(rng: random.Random, count: int) -> list[str]:
    """`count` distinct test BSNs in random order."""
    pool = valid_test_bsns()
    if count > len(pool):
        raise ValueError(
            f"At most {len(pool)} demo youths: that is how many test BSNs start with "
            f"{TEST_BSN_PREFIX}; asked for {count}."
        )
    return rng.sample(pool, count)


def initials(rng: random.Random) -> str:
    # LDT_Voorletters: letters only, at most 6.
    return "".join(rng.choice(INITIAL_LETTERS) for _ in range(rng.choice((1, 1, 2, 2, 3))))


def surname(rng: random.Random) -> str:
    return rng.choice(SURNAMES)


def verwijzer_code(rng: random.Random) -> str:
    """A synthetic AGB code for a referring doctor (99 prefix, as for demo providers)."""
    return f"99{rng.randrange(1_000_000):06d}"

