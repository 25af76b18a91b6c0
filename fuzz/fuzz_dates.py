"""The date stage: time expressions, their resolution against a publication day, the
dateline, and publication dates read from text (fuzz_inputs.check_date_stage).

Coverage-guided on arbitrary text: any exception or failed check is a crash. Run:
`python fuzz/fuzz_dates.py -max_total_time=60` or `-atheris_runs=20000` (see harness.py).
An input is 8 control bytes (publication day, tense, two moves by days to years) and then
UTF-8 text (invalid bytes read as U+FFFD), so the seeds are readable sentences.
"""
from datetime import date, timedelta

from harness import fuzz, instrumented_imports, use_test_helpers

# Publication days as the store holds them (clean.pubdate.plausible: 1990 on).
FIRST_DAY, DAYS = date(1990, 1, 1), 40_000
UNITS = ("day", "week", "month", "year")
CONTROL_BYTES = 8


def read_input(data: bytes):
    """(text, published, future, moves) from one fuzzer input."""
    head = data[:CONTROL_BYTES].ljust(CONTROL_BYTES, b"\x00")
    day = int.from_bytes(head[:2], "big") % (DAYS + 1)
    published = FIRST_DAY + timedelta(days=day - 1) if day else None
    moves = [(int.from_bytes(head[i:i + 2], "big") % 801 - 400, UNITS[head[i + 2] % 4])
             for i in (3, 5)[: head[2] % 3]]
    return data[CONTROL_BYTES:].decode("utf-8", "replace"), published, bool(head[2] & 4), moves


def main() -> None:
    use_test_helpers()
    instrumented_imports("frontwatch.events.dates", "frontwatch.events.dateline", "frontwatch.clean.pubdate")
    from fuzz_inputs import STAGE_ODD, STAGE_WORDS, check_date_stage

    def test_one_input(data: bytes) -> None:
        check_date_stage(*read_input(data))

    seeds = [bytes([0x2f, i, 0x06, 0, 3, 1, 0x80, 2]) + " ".join(STAGE_WORDS[i::4] + STAGE_ODD[i::4]).encode()
             for i in range(4)]
    fuzz("dates", seeds, test_one_input)


if __name__ == "__main__":
    main()
