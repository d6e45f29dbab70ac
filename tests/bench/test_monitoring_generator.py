"""The monitoring benchmark's generator (bench/monitoring.py): what its recorded runs rest on.
The benchmark is not a test, but a wrong row here would make every run compare the wrong data:
the BSNs must stay unique past 100,000 youths, and writing in chunks must not change a row."""

import importlib.util
import random
from datetime import date
from pathlib import Path

from stdnum.nl import bsn

BENCH = Path(__file__).resolve().parents[2] / "bench" / "monitoring.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_monitoring", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_bsns_are_unique_and_valid_past_the_narrow_ranges():
    numbers = _bench().bsn_numbers(120_000)
    # 120,000 reaches into the 99... range, whose 999... and 9999... numbers came before.
    assert len(set(numbers)) == len(numbers) == 120_000
    assert all(bsn.is_valid(number) for number in numbers)
    nines = [n.startswith("9999") for n in numbers]
    # The 9999... numbers first (the brief's test BSNs), then only wider ranges.
    first_other = nines.index(False)
    assert first_other > 9000 and not any(nines[first_other:])


def _rows_written_in_chunks(module, chunk: int) -> dict[str, list[tuple]]:
    """generate() with every chunk kept as rows instead of written to Parquet."""
    kept: dict[str, list[tuple]] = {name: [] for name in module.COLUMNS}

    class Kept(module._ParquetTables):
        def append(self, name, columns):
            kept[name].extend(zip(*columns.values(), strict=True))

    module._ParquetTables, module.CHUNK_YOUTHS = Kept, chunk
    written = module.generate(300, date(2022, 1, 1), date(2026, 12, 31), random.Random(11),
                              Path("unused"))
    assert written == {name: len(rows) for name, rows in kept.items()}
    return kept


def test_chunks_do_not_change_a_row():
    module = _bench()
    whole = _rows_written_in_chunks(module, 10**9)
    in_chunks = _rows_written_in_chunks(_bench(), 7)
    assert in_chunks == whole
    # Every id once and in order, across the chunks too; credit lines point to earlier lines.
    for rows in whole.values():
        assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    lines = whole["prestatie"]
    assert len(lines) > 1000
    names = [name for name, _, _ in module._spec("prestatie")]
    reference, previous = names.index("product_referentie"), names.index(
        "vorig_product_referentie")
    references = {row[reference] for row in lines}
    credits = [row for row in lines if row[previous]]
    assert credits and all(row[previous] in references for row in credits)
