"""Tests of the talent / movie-shoot file readers: each format, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from daybreak.engine.mssp import MsspInstance
from daybreak.engine.talent import TalentInstance
from daybreak.errors import DaybreakError
from daybreak.importers.talent_formats import detect_format, read_mssp, read_talent

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "talent"


def test_minizinc_dzn() -> None:
    """The minizinc-benchmarks layout: matrix rows are actors; extra parameters ignored."""
    inst = read_talent(FIXTURES / "tiny.dzn")
    assert detect_format(FIXTURES / "tiny.dzn") == "minizinc"
    assert inst.durations == (1, 2, 3, 1)
    assert inst.costs == (1, 2, 3)
    assert inst.actor_scenes == (0b0101, 0b1011, 0b0110)


def test_rehearsal_dzn() -> None:
    """The CSPLib rehearsal layout: array2d data, every player costs 1."""
    path = FIXTURES / "rehearsal_example.dzn"
    inst = read_talent(path)
    assert detect_format(path) == "rehearsal"
    assert inst.durations == (2, 1, 3, 1, 2)
    assert inst.costs == (1, 1, 1)
    assert inst.actor_scenes == (0b10101, 0b01110, 0b10011)


def test_stuckey_text() -> None:
    """Stuckey's layout: name, counts, one line per actor ending with the cost, durations."""
    inst = read_talent(FIXTURES / "small2")
    assert detect_format(FIXTURES / "small2") == "stuckey"
    assert inst.num_scenes == 6 and inst.num_actors == 4
    assert inst.name == "small2"


def test_mssp_text() -> None:
    """The movie-shoot layout: counts, costs, durations, locations, matrix, precedences."""
    inst = read_mssp(FIXTURES / "movie_tiny.txt")
    assert isinstance(inst, MsspInstance)
    assert inst.location_costs == (0, 10, 3)
    assert inst.scene_location == (0, 1, 0, 2, 1, 2)
    assert inst.precedences == ((0, 3), (4, 5))
    assert inst.talent.costs == (5, 2, 4)


def test_talent_file_read_as_mssp_has_one_free_location() -> None:
    """A talent file given to the movie-shoot reader has one location and no precedences."""
    inst = read_mssp(FIXTURES / "tiny.dzn")
    assert inst.location_costs == (0,) and inst.precedences == ()
    assert isinstance(inst.talent, TalentInstance)


def test_mssp_file_rejected_by_talent_reader() -> None:
    """Reading a movie-shoot file as talent scheduling says which command to use."""
    with pytest.raises(DaybreakError, match="mssp solve"):
        read_talent(FIXTURES / "movie_tiny.txt")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.mark.parametrize(
    ("name", "text", "where", "message"),
    [
        ("trunc", "x\n3\n2\n1 0 1 5\n0 1 1 2\n1 1\n", "line 6", "end of file"),
        ("nonnum", "x\n3\n2\n1 0 z 4\n0 1 1 2\n1 1 1\n", "line 4", "'z'"),
        ("notbin", "x\n2\n1\n1 2 4\n1 1\n", "line 4", "one of 0, 1"),
        ("extra", "x\n2\n1\n1 1 4\n1 1 9\n", "line 5", "extra data"),
        ("m.txt", "1 2 1 0\n5\n0\n1 1\n0 0\n1\n", "line 6", "end of file"),
        ("m2.txt", "1 2 1 1\n5\n0\n1 1\n0 0\n1 1\n0 7\n", "line 7", "second scene"),
        ("c.txt", "1 2 1 1\n5\n0\n1 1\n0 0\n1 1\n0 0\n", "line 7", "distinct"),
        (
            "a.dzn",
            "numScenes = 2;\nnumActors = 1;\nia = [| 1, 1 |];\nc = [3];\nd = [1];\n",
            "line 5",
            "d has 1 values, expected 2",
        ),
        (
            "b.dzn",
            "numScenes = 2;\nnumActors = 1;\nia = [| 1, x |];\nc = [3];\nd = [1, 1];\n",
            "line 3",
            "'x'",
        ),
        (
            "e.dzn",
            "numScenes = 2;\nnumActors = 1;\nia = [| 1, 1 |];\nc = [3];\nd = [1, 1]\n",
            "line 5",
            "missing ';'",
        ),
        (
            "f.dzn",
            "num_pieces = 2;\nnum_players = 1;\nduration = [1, 1];\n",
            "rehearsal",
            "missing parameter rehearsal",
        ),
    ],
)
def test_bad_input_names_file_and_line(
    tmp_path: Path, name: str, text: str, where: str, message: str
) -> None:
    """Truncated files, wrong counts and non-numeric tokens raise DaybreakError with a place."""
    path = _write(tmp_path, name, text)
    with pytest.raises(DaybreakError) as info:
        if name.endswith(".txt"):
            read_mssp(path)
        else:
            read_talent(path)
    err = info.value
    assert err.source == str(path)
    assert err.where == where
    assert message in err.message
    assert str(path) in str(err)


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xfe\x00garbage", b"numScenes = ;", b"= 3;", b"only-a-name\n", b"1 2 3"],
)
def test_garbage_only_raises_daybreak_error(tmp_path: Path, data: bytes) -> None:
    """Whatever the bytes, the readers raise DaybreakError and nothing else."""
    for suffix in (".dzn", ".txt", ""):
        path = tmp_path / f"g{suffix}"
        path.write_bytes(data)
        with pytest.raises(DaybreakError):
            read_talent(path)
        with pytest.raises(DaybreakError):
            read_mssp(path)


def test_missing_file() -> None:
    """A missing file is a DaybreakError naming the file."""
    with pytest.raises(DaybreakError, match="cannot read"):
        read_talent(FIXTURES / "no-such-file.dzn")
