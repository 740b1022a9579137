"""USS import and export: both samples round-trip, every id survives, bad input is named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from daybreak.domain import CategoryKind
from daybreak.errors import DaybreakError
from daybreak.importers.uss import dumps_uss, parse_uss, read_uss, to_uss


def body(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data["universalScheduleStandard"]  # type: ignore[no-any-return]


def strips_of(board: dict[str, Any]) -> list[Any]:
    return board.get("breakdownIds", board.get("breakdownArrays"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", ["small_sample_schedule.uss", "full_sample_schedule.uss"])
def test_export_is_stable_under_reimport(name: str, full_sample: Path) -> None:
    """Import, export, import the export, export again: the same JSON both times."""
    first = dumps_uss(read_uss(full_sample.parent / name))
    second = dumps_uss(parse_uss(first))
    assert first == second


@pytest.mark.parametrize("name", ["small_sample_schedule.uss", "full_sample_schedule.uss"])
def test_first_export_keeps_everything_of_the_original(name: str, full_sample: Path) -> None:
    """Every id, element, category, board and day grouping of the original is in the export."""
    original = body(full_sample.parent / name)
    exported = to_uss(read_uss(full_sample.parent / name))["universalScheduleStandard"]
    for key in ("breakdowns", "categories", "elements", "calendars"):
        assert [o["id"] for o in exported[key]] == [o["id"] for o in original[key]]
    for mine, theirs in zip(exported["elements"], original["elements"], strict=True):
        assert mine["name"] == theirs["name"] and mine["category"] == theirs["category"]
        assert mine["elementId"] == theirs["elementId"]
        for flag in ("isDood", "isDrop", "isHold", "isIdLock", "daysOff", "linkedElements"):
            assert mine[flag] == theirs[flag]
        assert mine["dropDayCount"] == theirs.get("dropDayCount", theirs.get("doodDayCount"))
        assert [e["id"] for e in mine["events"] or []] == [e["id"] for e in theirs["events"] or []]
    for mine, theirs in zip(exported["breakdowns"], original["breakdowns"], strict=True):
        assert mine["elements"] == theirs["elements"]
        assert mine["pages"] == theirs["pages"] and mine["scene"] == theirs["scene"]
        assert mine["duration"] == theirs["duration"]
        assert mine["description"] == theirs["description"]
    for mine, theirs in zip(exported["categories"], original["categories"], strict=True):
        assert (mine["name"], mine["ucid"]) == (theirs["name"], theirs["ucid"])
    for mine, theirs in zip(exported["stripboards"], original["stripboards"], strict=True):
        assert (mine["id"], mine["name"], mine["calendar"]) == (
            theirs["id"],
            theirs["name"],
            theirs["calendar"],
        )
        for my_board, their_board in zip(mine["boards"], theirs["boards"], strict=True):
            assert my_board["id"] == their_board["id"]
            assert my_board["breakdownIds"] == strips_of(their_board)  # day grouping kept
    assert {k: exported[k] for k in ("name", "project", "author", "company")} == {
        k: original[k] for k in ("name", "project", "author", "company")
    }


def test_spec_names_are_written(full_sample: Path) -> None:
    """The export writes the spec's keys: breakdownIds, dropDayCount, type 'scene'."""
    exported = to_uss(read_uss(full_sample))["universalScheduleStandard"]
    assert all("breakdownIds" in b for s in exported["stripboards"] for b in s["boards"])
    assert all("dropDayCount" in e and "doodDayCount" not in e for e in exported["elements"])
    assert {b["type"] for b in exported["breakdowns"]} == {"scene", "banner"}


def test_full_sample_contents(full_sample: Path) -> None:
    """173 breakdowns and a banner, 238 elements, 34 categories, four boards (three in days)."""
    production = read_uss(full_sample)
    assert len([s for s in production.scenes if not s.is_banner]) == 173
    assert len(production.elements) == 238 and len(production.categories) == 34
    assert [len(b.days) for b in production.boards] == [0, 60, 67, 56]
    george = next(e for e in production.cast if e.name == "GEORGE")
    assert george.board_id == "1" and george.drop_day_count == 10
    strip = production.strip(production.scenes[1].id)
    assert strip.set_name == "FROZEN RIVER AND HILL" and strip.time_of_day == "DAY"
    assert production.category(production.categories_of(CategoryKind.CAST)[0].id).ucid == 100


def test_unknown_keys_are_kept(small_sample: Path) -> None:
    """Extension keys (starting with `_`) anywhere survive import and export."""
    data = json.loads(small_sample.read_text())
    data["universalScheduleStandard"]["_studio"] = {"code": "WL-1"}
    data["universalScheduleStandard"]["elements"][0]["_color"] = "#ff0000"
    data["universalScheduleStandard"]["stripboards"][0]["boards"][0]["_unit"] = "main"
    exported = to_uss(parse_uss(json.dumps(data)))["universalScheduleStandard"]
    assert exported["_studio"] == {"code": "WL-1"}
    assert exported["elements"][0]["_color"] == "#ff0000"
    assert exported["stripboards"][0]["boards"][0]["_unit"] == "main"


def test_daybreak_fields_survive_a_uss_trip(small_sample: Path) -> None:
    """A performer's rate and availability travel under `_daybreak` and come back."""
    from datetime import date

    from daybreak.domain import Availability, DateRange

    production = read_uss(small_sample)
    production.elements[0].daily_rate = 2500.0
    production.elements[0].availability = Availability(
        unavailable=[DateRange(date(2027, 5, 1), date(2027, 5, 9))]
    )
    again = parse_uss(dumps_uss(production))
    assert again.elements[0].daily_rate == 2500.0
    assert again.elements[0].availability == production.elements[0].availability
    assert again == production


def _mutated(small_sample: Path, change: Any) -> str:
    data = json.loads(small_sample.read_text())
    change(data["universalScheduleStandard"])
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            lambda u: u["breakdowns"][0].__setitem__("pages", "two"),
            "breakdowns[0].pages",
            "expected a number",
        ),
        (
            lambda u: u["elements"][1].__setitem__("isDood", "yes"),
            "elements[1].isDood",
            "expected true or false",
        ),
        (
            lambda u: u["breakdowns"][1]["elements"].append("5d9fc8cfc0efae0017a3ffff"),
            "breakdowns[1].elements",
            "does not exist",
        ),
        (lambda u: u["categories"][0].pop("ucid"), "categories[0].ucid", "required key"),
        (
            lambda u: u["stripboards"][0]["boards"][0]["breakdownIds"].append(7),
            "breakdownIds[1]",
            "expected a breakdown id",
        ),
        (
            lambda u: u["calendars"][0]["events"][0].__setitem__("date", "tomorrow"),
            "events[0].date",
            "not an ISO date",
        ),
    ],
)
def test_bad_fields_are_named(small_sample: Path, change: Any, where: str, message: str) -> None:
    """A wrong type or a dangling reference names the file and the field."""
    with pytest.raises(DaybreakError) as info:
        parse_uss(_mutated(small_sample, change), source="bad.uss")
    text = str(info.value)
    assert text.startswith("bad.uss: ") and where in text and message in text


def test_truncated_file_is_named_with_its_line(small_sample: Path, tmp_path: Path) -> None:
    """A file cut short is reported with the line where the JSON stops."""
    cut = tmp_path / "cut.uss"
    cut.write_bytes(small_sample.read_bytes()[:3000])
    with pytest.raises(DaybreakError, match=r"cut\.uss: line \d+, column \d+: not valid JSON"):
        read_uss(cut)


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"[1, 2]", b'{"a": 1}'])
def test_not_a_uss_file(tmp_path: Path, content: bytes) -> None:
    """Empty files, binary junk and other JSON are refused with one clear error."""
    path = tmp_path / "x.uss"
    path.write_bytes(content)
    with pytest.raises(DaybreakError, match=r"x\.uss"):
        read_uss(path)


def test_shared_samples_are_the_shipped_ones(shared_dir: Path, full_sample: Path) -> None:
    """The samples shipped in the package are byte-identical to the shared originals."""
    for name in ("full_sample_schedule.uss", "small_sample_schedule.uss"):
        assert (full_sample.parent / name).read_bytes() == (
            shared_dir / "formats" / "uss" / name
        ).read_bytes()
