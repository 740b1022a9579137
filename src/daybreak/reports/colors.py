"""Strip color presets (``data/presets/strip_colors.toml``) and the text cue of a strip."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from daybreak.domain import IntExt, Strip
from daybreak.errors import DaybreakError

DEFAULT_PRESET = "singleton"
_CUE = {"DAY": "D", "NIGHT": "N", "DAWN": "DAWN", "DUSK": "DUSK"}


@dataclass(frozen=True, slots=True)
class StripColors:
    """One palette: strip fills by "INT DAY"-style keys, and board row fills."""

    name: str
    label: str
    fills: dict[str, str]

    def row(self, kind: str) -> str:
        """The fill of a board row: day_break, week_banner, holiday, off_day, banner."""
        return self.fills.get(kind, "#ffffff")

    def strip(self, strip: Strip) -> str:
        """The fill of a strip: its INT/EXT and time of day, with fallbacks."""
        ie = _ie(strip)
        light = light_of(strip)
        for key in (f"{ie} {light}", f"{ie} {'NIGHT' if strip.is_night else 'DAY'}"):
            if key in self.fills:
                return self.fills[key]
        if ie == "INT/EXT":
            return self.fills.get(f"EXT {light}", self.fills.get("INT DAY", "#ffffff"))
        return self.fills.get("INT DAY", "#ffffff")

    def legend(self) -> tuple[tuple[str, str], ...]:
        """(label, fill) for every strip key of the palette."""
        return tuple((k, v) for k, v in self.fills.items() if k[:3] in ("INT", "EXT"))


def strip_colors(name: str = DEFAULT_PRESET) -> StripColors:
    """A palette by preset name (``singleton`` or ``alternative``)."""
    presets = _presets()
    if name not in presets:
        raise DaybreakError(
            f"no strip color preset {name!r}; presets: {', '.join(sorted(presets))}"
        )
    raw = dict(presets[name])
    label = str(raw.pop("label", name))
    return StripColors(name, label, {k: str(v) for k, v in raw.items()})


def _presets() -> dict[str, dict[str, object]]:
    text = resources.files("daybreak.data").joinpath("presets/strip_colors.toml").read_text("utf-8")
    return tomllib.loads(text)


def light_of(strip: Strip) -> str:
    """DAY, NIGHT, DAWN or DUSK from the strip's written time of day."""
    word = (strip.time_of_day or "").upper()
    if "DAWN" in word or "SUNRISE" in word:
        return "DAWN"
    if "DUSK" in word or "SUNSET" in word or "MAGIC" in word:
        return "DUSK"
    return "NIGHT" if strip.is_night else "DAY"


def cue(strip: Strip) -> str:
    """The text cue printed on a strip, for readers who cannot rely on color: `EXT/N`."""
    return f"{_ie(strip)}/{_CUE[light_of(strip)]}"


def _ie(strip: Strip) -> str:
    return strip.int_ext.value if strip.int_ext is not None else IntExt.INT.value
